import { Repository } from '../../platform/db/repository';

/** The cell of the monthly aggregate a write lands in (with the month of its date). */
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
  [
    '1',
    '$5::numeric',
    'CASE WHEN $6::boolean THEN 1 ELSE 0 END',
    'CASE WHEN $6::boolean THEN $5::numeric ELSE 0 END',
    'CASE WHEN $7::boolean THEN $5::numeric ELSE 0 END',
    '$5::numeric * $8::numeric',
    '$8::numeric',
  ],
);

const RELEASED = UPSERT(['released_amount'], ['$5::numeric']);

const COMPENSATED = UPSERT(['compensated_amount'], ['$5::numeric']);

const NEW_BUSINESS_MANY = `
  INSERT INTO business_month_stats AS s (institution_id, bank_id, region_id, month, new_count, new_amount, small_agri_count, small_agri_amount,
                                         small_household_amount, fee_weighted_amount, fee_rate_sum)
  SELECT $1::uuid, g.bank_id, g.region_id, date_trunc('month', g.start_on)::date, count(*),
         sum(g.amount), count(*) FILTER (WHERE g.small_agri), coalesce(sum(g.amount) FILTER (WHERE g.small_agri), 0),
         coalesce(sum(g.amount) FILTER (WHERE g.small_household), 0), sum(g.amount * g.fee_rate), sum(g.fee_rate)
    FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::numeric[], $6::boolean[], $7::boolean[], $8::numeric[])
         AS g(bank_id, region_id, start_on, amount, small_agri, small_household, fee_rate)
   GROUP BY g.bank_id, g.region_id, date_trunc('month', g.start_on)
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (institution_id, bank_id, region_id, month) DO UPDATE SET
    new_count = s.new_count + EXCLUDED.new_count,
    new_amount = s.new_amount + EXCLUDED.new_amount,
    small_agri_count = s.small_agri_count + EXCLUDED.small_agri_count,
    small_agri_amount = s.small_agri_amount + EXCLUDED.small_agri_amount,
    small_household_amount = s.small_household_amount + EXCLUDED.small_household_amount,
    fee_weighted_amount = s.fee_weighted_amount + EXCLUDED.fee_weighted_amount,
    fee_rate_sum = s.fee_rate_sum + EXCLUDED.fee_rate_sum`;

/**
 * The institution's data version (ledger_version), bumped before its cells are touched: the dashboard and warnings
 * caches (platform/lib/answer-cache.ts) key on it, so a committed write is seen at the very next read. Taken first in every
 * ledger write, the version row orders the writers of one institution before any cell, so they cannot deadlock
 * on cells in different orders.
 */
const BUMP = `
  INSERT INTO ledger_version AS v (institution_id, version) VALUES ($1, 1)
  ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1`;

/**
 * Keeps business_month_stats current (the monthly aggregate every dashboard, report and count reads). Every
 * write path that changes business calls it inside its own transaction, so a dashboard never sees a guarantee
 * without its aggregate. Each method is one upsert; concurrent writers to the same cell serialise on its row.
 * Writes only: the aggregate's readers are in their modules' repositories, under scope.aggregates.
 */
export class LedgerRepo extends Repository {
  /** A guarantee granted: new business in the month it starts (R3, R4). */
  async addNewBusiness(
    key: StatsKey,
    g: { startOn: string; guaranteedAmount: string; feeRate: string; smallAgri: boolean; smallHousehold: boolean },
  ): Promise<void> {
    await this.bump(key.institutionId);
    await this.manager.query(NEW_BUSINESS, [
      key.institutionId,
      key.bankId,
      key.regionId,
      monthOf(g.startOn),
      g.guaranteedAmount,
      g.smallAgri,
      g.smallHousehold,
      g.feeRate,
    ]);
  }

  /** A guarantee released — repaid, or ended by compensation — counts in R7's denominator in its month. */
  async addReleased(key: StatsKey, on: string, guaranteedAmount: string): Promise<void> {
    await this.bump(key.institutionId);
    await this.manager.query(RELEASED, [key.institutionId, key.bankId, key.regionId, monthOf(on), guaranteedAmount]);
  }

  /** A compensation paid counts in R7's numerator in its month. */
  async addCompensated(key: StatsKey, paidOn: string, amount: string): Promise<void> {
    await this.bump(key.institutionId);
    await this.manager.query(COMPENSATED, [key.institutionId, key.bankId, key.regionId, monthOf(paidOn), amount]);
  }

  /**
   * Many guarantees of one institution granted at once (the 总对总 batch import): the same cells and sums as
   * calling addNewBusiness for each, in one statement. Cells are written in key order, so concurrent
   * batches cannot deadlock on them.
   */
  async addNewBusinessMany(
    institutionId: string,
    rows: ReadonlyArray<{
      bankId: string;
      regionId: string;
      startOn: string;
      guaranteedAmount: string;
      feeRate: string;
      smallAgri: boolean;
      smallHousehold: boolean;
    }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.bump(institutionId);
    await this.manager.query(NEW_BUSINESS_MANY, [
      institutionId,
      rows.map((r) => r.bankId),
      rows.map((r) => r.regionId),
      rows.map((r) => r.startOn),
      rows.map((r) => r.guaranteedAmount),
      rows.map((r) => r.smallAgri),
      rows.map((r) => r.smallHousehold),
      rows.map((r) => r.feeRate),
    ]);
  }

  private async bump(institutionId: string): Promise<void> {
    await this.manager.query(BUMP, [institutionId]);
  }
}
