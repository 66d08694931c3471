import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';

/** The departments the 实施意见 names as lead or responsible units, with the role each acts in. */
const CITY_DEPARTMENTS: ReadonlyArray<{ code: string; name: string; role: Role }> = [
  { code: 'TASK_FORCE_OFFICE', name: '聊城市政府性融资担保体系建设工作专班办公室', role: Role.TASK_FORCE_OFFICE },
  { code: 'FINANCE', name: '聊城市财政局', role: Role.FINANCE },
  { code: 'FINANCIAL_REGULATOR', name: '聊城市地方金融监督管理局', role: Role.FINANCIAL_REGULATOR },
  { code: 'PBOC', name: '中国人民银行聊城市中心支行', role: Role.PBOC },
  { code: 'BANKING_REGULATOR', name: '中国银保监会聊城监管分局', role: Role.BANKING_REGULATOR },
  { code: 'INDUSTRY', name: '聊城市工业和信息化局', role: Role.INDUSTRY },
  { code: 'SASAC', name: '聊城市人民政府国有资产监督管理委员会', role: Role.SASAC },
  { code: 'PUBLIC_SECURITY', name: '聊城市公安局', role: Role.PUBLIC_SECURITY },
  { code: 'HOLDING_GROUP', name: '聊城市财信投资控股集团有限公司', role: Role.HOLDING_GROUP },
  { code: 'SCIENCE_TECHNOLOGY', name: '聊城市科学技术局', role: Role.TASK_FORCE_MEMBER },
  { code: 'HUMAN_RESOURCES', name: '聊城市人力资源和社会保障局', role: Role.TASK_FORCE_MEMBER },
];

/** Each county-level region has its government (or zone committee) and, for counties, a finance bureau. */
export async function seedDepartments(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO department (code, name, role, region_id)
     SELECT code, name, role, NULL FROM unnest($1::text[], $2::text[], $3::text[]) AS d(code, name, role)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, region_id = NULL`,
    [CITY_DEPARTMENTS.map((d) => d.code), CITY_DEPARTMENTS.map((d) => d.name), CITY_DEPARTMENTS.map((d) => d.role)],
  );
  await manager.query(
    `INSERT INTO department (code, name, role, region_id)
     SELECT 'LOCAL_GOVERNMENT_' || r.code,
            CASE WHEN r.kind = 'DEVELOPMENT_ZONE' THEN r.name || '管委会' ELSE r.name || '人民政府' END,
            'LOCAL_GOVERNMENT', r.id
       FROM region r WHERE r.kind <> 'CITY'
     UNION ALL
     SELECT 'FINANCE_' || r.code, r.name || '财政局', 'FINANCE', r.id
       FROM region r WHERE r.kind IN ('DISTRICT','COUNTY','COUNTY_LEVEL_CITY')
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, region_id = EXCLUDED.region_id`,
  );
}
