import type { EntityManager } from 'typeorm';
import { RegionKind } from './region.entity';

/**
 * 聊城市 and its divisions. County-level codes are GB/T 2260; the three municipal development zones
 * have no GB/T 2260 code and carry the National Bureau of Statistics' statistical division codes.
 */
export const REGIONS: ReadonlyArray<{ code: string; name: string; kind: RegionKind }> = [
  { code: '371500', name: '聊城市', kind: RegionKind.CITY },
  { code: '371502', name: '东昌府区', kind: RegionKind.DISTRICT },
  { code: '371503', name: '茌平区', kind: RegionKind.DISTRICT },
  { code: '371521', name: '阳谷县', kind: RegionKind.COUNTY },
  { code: '371522', name: '莘县', kind: RegionKind.COUNTY },
  { code: '371524', name: '东阿县', kind: RegionKind.COUNTY },
  { code: '371525', name: '冠县', kind: RegionKind.COUNTY },
  { code: '371526', name: '高唐县', kind: RegionKind.COUNTY },
  { code: '371581', name: '临清市', kind: RegionKind.COUNTY_LEVEL_CITY },
  { code: '371571', name: '经济技术开发区', kind: RegionKind.DEVELOPMENT_ZONE },
  { code: '371572', name: '高新技术产业开发区', kind: RegionKind.DEVELOPMENT_ZONE },
  { code: '371573', name: '江北水城旅游度假区', kind: RegionKind.DEVELOPMENT_ZONE },
];

export const CITY_CODE = '371500';

/** Upserts by code, so a second start changes nothing and a corrected name is applied. */
export async function seedRegions(manager: EntityManager): Promise<void> {
  const [city] = await manager.query(
    `INSERT INTO region (code, name, kind, parent_id, sort_order) VALUES ($1, $2, $3, NULL, 0)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = NULL, sort_order = 0
     RETURNING id`,
    [REGIONS[0].code, REGIONS[0].name, REGIONS[0].kind],
  );
  const rest = REGIONS.slice(1);
  await manager.query(
    `INSERT INTO region (code, name, kind, parent_id, sort_order)
     SELECT code, name, kind, $4::uuid, ord::int FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(code, name, kind, ord)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, sort_order = EXCLUDED.sort_order`,
    [rest.map((r) => r.code), rest.map((r) => r.name), rest.map((r) => r.kind), city.id],
  );
}
