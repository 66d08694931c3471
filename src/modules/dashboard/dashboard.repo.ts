import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';

/**
 * The dashboard's one statement over business_month_stats. GROUPING SETS computes the total and the
 * groups by region, institution, bank and month in a single pass over the (scoped, filtered) cells up to
 * the period's end, so the number of statements never grows with the number of slices (../shared/DESIGN.md §5).
 *
 * Flows (new business, releases, compensations) count the months from `from` on; the balance counts every
 * month up to `to` whatever `from` is — for a month slice, every month up to that month's end (a running sum).
 * Month rows come for every recorded month up to `to`, those before `from` too: the service fills the months
 * without a cell (no gaps in byMonth) with the balance of the month before them.
 */

/** GROUPING(region_id, institution_id, bank_id, month): a bit per column left out of the group. */
export const GROUP = { total: 15, region: 7, institution: 11, bank: 13, month: 14 } as const;

export interface DashboardRow {
  grp: number;
  key: string | null;
  label: string | null;
  new_count: string;
  new_amount: string;
  small_agri_count: string;
  small_agri_amount: string;
  small_household_amount: string;
  fee_weighted_amount: string;
  fee_rate_sum: string;
  released_amount: string;
  compensated_amount: string;
  granted_to_date: string;
  released_to_date: string;
}

/** `where` is the scope, filter and `month <= :to` condition over alias s; with `hasFrom`, flows start at :from. */
function dashboardSql(where: string, hasFrom: boolean): string {
  const inPeriod = hasFrom ? 's.month >= CAST(:from AS date)' : 'TRUE';
  const flow = (column: string) => `coalesce(sum(s.${column}) FILTER (WHERE ${inPeriod}), 0)`;
  return `
  WITH cells AS (
    SELECT GROUPING(s.region_id, s.institution_id, s.bank_id, s.month) AS grp,
           s.region_id, s.institution_id, s.bank_id, s.month,
           ${flow('new_count')} AS new_count,
           ${flow('new_amount')} AS new_amount,
           ${flow('small_agri_count')} AS small_agri_count,
           ${flow('small_agri_amount')} AS small_agri_amount,
           ${flow('small_household_amount')} AS small_household_amount,
           ${flow('fee_weighted_amount')} AS fee_weighted_amount,
           ${flow('fee_rate_sum')} AS fee_rate_sum,
           ${flow('released_amount')} AS released_amount,
           ${flow('compensated_amount')} AS compensated_amount,
           coalesce(bool_or(${inPeriod}), FALSE) AS in_period,
           coalesce(sum(s.new_amount), 0) AS granted,
           coalesce(sum(s.released_amount), 0) AS released
      FROM business_month_stats s
     WHERE ${where}
     GROUP BY GROUPING SETS ((), (s.region_id), (s.institution_id), (s.bank_id), (s.month))
  ), balanced AS (
    SELECT c.*,
           CASE WHEN c.grp = ${GROUP.month} THEN sum(c.granted) OVER months ELSE c.granted END AS granted_to_date,
           CASE WHEN c.grp = ${GROUP.month} THEN sum(c.released) OVER months ELSE c.released END AS released_to_date
      FROM cells c
    WINDOW months AS (PARTITION BY c.grp ORDER BY c.month ROWS UNBOUNDED PRECEDING)
  )
  SELECT * FROM (
  SELECT b.grp,
         CASE b.grp WHEN ${GROUP.region} THEN b.region_id::text WHEN ${GROUP.institution} THEN b.institution_id::text
                    WHEN ${GROUP.bank} THEN b.bank_id::text WHEN ${GROUP.month} THEN to_char(b.month, 'YYYY-MM') END AS key,
         CASE b.grp WHEN ${GROUP.region} THEN r.name WHEN ${GROUP.institution} THEN i.name
                    WHEN ${GROUP.bank} THEN k.name WHEN ${GROUP.month} THEN to_char(b.month, 'YYYY-MM') END AS label,
         b.new_count::text, b.new_amount::text, b.small_agri_count::text, b.small_agri_amount::text, b.small_household_amount::text,
         b.fee_weighted_amount::text, b.fee_rate_sum::text,
         b.released_amount::text, b.compensated_amount::text, b.granted_to_date::text, b.released_to_date::text
    FROM balanced b
    LEFT JOIN region r ON b.grp = ${GROUP.region} AND r.id = b.region_id
    LEFT JOIN guarantee_institution i ON b.grp = ${GROUP.institution} AND i.id = b.institution_id
    LEFT JOIN bank k ON b.grp = ${GROUP.bank} AND k.id = b.bank_id
   WHERE b.grp = ${GROUP.total}
      OR b.grp = ${GROUP.month}
      OR (b.grp IN (${GROUP.region}, ${GROUP.institution}, ${GROUP.bank}) AND (b.in_period OR b.granted <> b.released))
  ) slices
  -- Months by key (YYYY-MM is chronological); the others by name in code-point order, ties by id.
  ORDER BY grp, label COLLATE "C", key`;
}

/** The dashboard's filter: ids already checked to be UUIDs; `from` null for every month up to `to`. */
export interface DashboardWhere {
  from: string | null;
  to: string;
  regionId?: string | null;
  institutionId?: string | null;
  bankId?: string | null;
}

export class DashboardRepo extends Repository {
  /** Every slice of the viewer's aggregate cells (scope.aggregates) in one statement. */
  slices(scope: Scope, filter: DashboardWhere): Promise<DashboardRow[]> {
    const where = ['s.month <= CAST(:to AS date)'];
    const params: Record<string, unknown> = { to: filter.to, from: filter.from };
    for (const [column, key] of [
      ['region_id', 'regionId'],
      ['institution_id', 'institutionId'],
      ['bank_id', 'bankId'],
    ] as const) {
      const id = filter[key];
      if (!id) continue;
      where.push(`s.${column} = :${key}`);
      params[key] = id;
    }
    const scoped = scope.aggregates('s');
    where.push(`(${scoped.sql})`);
    Object.assign(params, scoped.params);
    return this.rows<DashboardRow>(dashboardSql(where.join(' AND '), filter.from !== null), params);
  }

  /**
   * What the dashboard's answers depend on besides the filter and scope, as one string (platform/lib/answer-cache.ts): the sum
   * of the institutions' ledger versions (it grows with every committed write of the aggregate) and a digest of the
   * names the slices are labelled with. `ownWrites` when this transaction has written anything: its reads must
   * not be cached (it may yet roll back). Every institution's version, whatever the scope: another county's
   * institution may write cells a county viewer sees (by the borrower's region). No row reaches the viewer.
   */
  async dataVersion(scope: Scope): Promise<{ version: string; ownWrites: boolean }> {
    const i = scope.institutions('i');
    const k = scope.banks('k');
    const row = await this.first<{ version: string; own_writes: boolean }>(
      `SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS own_writes,
              (SELECT coalesce(sum(v.version), 0) FROM ledger_version v)::text || ':' ||
              (SELECT md5(coalesce(string_agg(n.id::text || n.name, '|' ORDER BY n.id), ''))
                 FROM (SELECT r.id, r.name FROM region r
                       UNION ALL SELECT i.id, i.name FROM guarantee_institution i WHERE ${i.sql}
                       UNION ALL SELECT k.id, k.name FROM bank k WHERE ${k.sql}) n) AS version`,
      { ...i.params, ...k.params },
    );
    return { version: row!.version, ownWrites: row!.own_writes };
  }
}
