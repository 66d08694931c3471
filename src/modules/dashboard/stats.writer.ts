import type { EntityManager } from 'typeorm';

/**
 * Keeps business_month_stats current. Every write path that changes business calls one of these
 * inside its own transaction, so a dashboard never sees a guarantee without its aggregate.
 * Each is one upsert; concurrent writers to the same cell serialise on its row.
 */
export interface StatsKey {
  institutionId: string;
  bankId: string;
  regionId: string;
}

/** 'YYYY-MM-DD' → first day of its month. */
function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

const UPSERT = (columns: string[], values: string[]) => `
  INSERT INTO business_month_stats (institution_id, bank_id, region_id, month, ${columns.join(', ')})
  VALUES ($1, $2, $3, $4, ${values.join(', ')})
  ON CONFLICT (institution_id, bank_id, region_id, month) DO UPDATE SET
  ${columns.map((c) => `${c} = business_month_stats.${c} + EXCLUDED.${c}`).join(',\n  ')}`;

const NEW_BUSINESS = UPSERT(
  ['new_count', 'new_amount', 'small_agri_count', 'small_agri_amount', 'small_household_amount', 'fee_weighted_amount', 'fee_rate_sum'],
  ['1', '$5::numeric', 'CASE WHEN $6::boolean THEN 1 ELSE 0 END', 'CASE WHEN $6::boolean THEN $5::numeric ELSE 0 END', 'CASE WHEN $7::boolean THEN $5::numeric ELSE 0 END', '$5::numeric * $8::numeric', '$8::numeric'],
);

/** A guarantee granted: new business in the month it starts (R3, R4). */
export async function addNewBusiness(
  manager: EntityManager,
  key: StatsKey,
  g: { startOn: string; guaranteedAmount: string; feeRate: string; smallAgri: boolean; smallHousehold: boolean },
): Promise<void> {
  await manager.query(NEW_BUSINESS, [key.institutionId, key.bankId, key.regionId, monthOf(g.startOn), g.guaranteedAmount, g.smallAgri, g.smallHousehold, g.feeRate]);
}

const RELEASED = UPSERT(['released_amount'], ['$5::numeric']);

/** A guarantee released — repaid, or ended by compensation — counts in R7's denominator in its month. */
export async function addReleased(manager: EntityManager, key: StatsKey, on: string, guaranteedAmount: string): Promise<void> {
  await manager.query(RELEASED, [key.institutionId, key.bankId, key.regionId, monthOf(on), guaranteedAmount]);
}

const COMPENSATED = UPSERT(['compensated_amount'], ['$5::numeric']);

/** A compensation paid counts in R7's numerator in its month. */
export async function addCompensated(manager: EntityManager, key: StatsKey, paidOn: string, amount: string): Promise<void> {
  await manager.query(COMPENSATED, [key.institutionId, key.bankId, key.regionId, monthOf(paidOn), amount]);
}
