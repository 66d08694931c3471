import { registerEnumType } from 'type-graphql';

/** The departments the policy names (../shared/DESIGN.md §3). One enum, used by tokens, rules and users. */
export enum Role {
  ADMIN = 'ADMIN',
  TASK_FORCE_OFFICE = 'TASK_FORCE_OFFICE',
  FINANCE = 'FINANCE',
  FINANCIAL_REGULATOR = 'FINANCIAL_REGULATOR',
  PBOC = 'PBOC',
  BANKING_REGULATOR = 'BANKING_REGULATOR',
  INDUSTRY = 'INDUSTRY',
  SASAC = 'SASAC',
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  HOLDING_GROUP = 'HOLDING_GROUP',
  GUARANTEE_INSTITUTION = 'GUARANTEE_INSTITUTION',
  BANK = 'BANK',
  TASK_FORCE_MEMBER = 'TASK_FORCE_MEMBER',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description: '角色: the department a caller acts for (实施意见 names each one and what it leads).',
  valuesConfig: {
    ADMIN: { description: '系统管理员: the system operator (users only).' },
    TASK_FORCE_OFFICE: { description: '工作专班办公室 (at the 市财政局).' },
    FINANCE: { description: '市财政局 or, with a region, a county finance bureau.' },
    FINANCIAL_REGULATOR: { description: '市地方金融监管局.' },
    PBOC: { description: '人民银行聊城市中心支行.' },
    BANKING_REGULATOR: { description: '聊城银保监分局.' },
    INDUSTRY: { description: '市工业和信息化局.' },
    SASAC: { description: '市国资委.' },
    PUBLIC_SECURITY: { description: '市公安局.' },
    LOCAL_GOVERNMENT: { description: '县（市、区）政府 or 开发区管委会, for its region.' },
    HOLDING_GROUP: { description: '聊城市财信投资控股集团.' },
    GUARANTEE_INSTITUTION: { description: '政府性融资担保机构: one institution.' },
    BANK: { description: '银行业金融机构: one bank.' },
    TASK_FORCE_MEMBER: { description: '工作专班成员单位 (科技局, 人社局, …).' },
  },
});
