import type pg from 'pg';
import { figuresOf } from '../src/modules/dashboard/dashboard.service';
import type { DashboardRow } from '../src/modules/dashboard/dashboard.repo';

/**
 * The dashboard's floor: the same figures computed the plain way, by one hand-written statement over the
 * guarantee and compensation rows (no maintained aggregate, no cache) — what a dashboard costs without the
 * hub's business_month_stats. 支小支农 amounts come from the stored flag (R1, decided at grant); R3's
 * ≤ 5,000,000 household amount, for the period's 支小支农 grants, from the borrower's in-force amount at
 * grant (its guarantees at the institution started by then — on the same day, by business number — and not
 * yet released), looked up through the borrower's index.
 * It returns the rows in the repository's shape (dashboard.repo.ts), turned into slices by the hub's own
 * figuresOf, so hub and floor can be compared figure by figure.
 *
 * Request: `variables.filter` { from, to } (whole months) and `variables.scopeRegionId`, the region of a
 * LOCAL_GOVERNMENT viewer (its institutions' business), as the hub takes it from the token.
 */
const SQL = `
WITH scoped AS (SELECT i.id FROM guarantee_institution i WHERE $3::uuid IS NULL OR i.region_id = $3::uuid),
flows AS (
  SELECT g.institution_id, g.bank_id, g.region_id, date_trunc('month', g.start_on)::date AS month, 1 AS new_count,
         g.guaranteed_amount AS new_amount, CASE WHEN g.small_agri THEN 1 ELSE 0 END AS small_agri_count,
         CASE WHEN g.small_agri THEN g.guaranteed_amount ELSE 0 END AS small_agri_amount,
         -- R3: the borrower's in-force amount at the institution when this guarantee was granted, itself included.
         CASE WHEN g.small_agri AND g.start_on >= $1::date
               AND (SELECT sum(h.guaranteed_amount) FROM guarantee h
                    WHERE h.borrower_id = g.borrower_id AND h.institution_id = g.institution_id
                      AND (h.start_on < g.start_on OR (h.start_on = g.start_on AND h.code <= g.code))
                      AND (h.released_on IS NULL OR h.released_on > g.start_on))
                <= (SELECT p.small_household_amount FROM policy_parameter_set p WHERE p.effective_on <= g.start_on
                    ORDER BY p.effective_on DESC LIMIT 1)
              THEN g.guaranteed_amount ELSE 0 END AS small_household_amount,
         g.guaranteed_amount * g.fee_rate AS fee_weighted_amount, g.fee_rate AS fee_rate_sum, 0 AS released_amount, 0 AS compensated_amount
  FROM guarantee g
  WHERE g.start_on <= $2::date AND g.institution_id IN (SELECT id FROM scoped)
  UNION ALL
  SELECT institution_id, bank_id, region_id, date_trunc('month', released_on)::date, 0, 0, 0, 0, 0, 0, 0, guaranteed_amount, 0
  FROM guarantee WHERE released_on <= $2::date AND institution_id IN (SELECT id FROM scoped)
  UNION ALL
  SELECT g.institution_id, g.bank_id, g.region_id, date_trunc('month', c.paid_on)::date, 0, 0, 0, 0, 0, 0, 0, 0, c.amount
  FROM compensation c JOIN guarantee g ON g.id = c.guarantee_id
  WHERE c.paid_on <= $2::date AND c.institution_id IN (SELECT id FROM scoped)),
cells AS (
  SELECT GROUPING(region_id, institution_id, bank_id, month) AS grp, region_id, institution_id, bank_id, month,
         sum(new_count) FILTER (WHERE month >= $1::date) AS new_count, sum(new_amount) FILTER (WHERE month >= $1::date) AS new_amount,
         sum(small_agri_count) FILTER (WHERE month >= $1::date) AS small_agri_count,
         sum(small_agri_amount) FILTER (WHERE month >= $1::date) AS small_agri_amount,
         sum(small_household_amount) FILTER (WHERE month >= $1::date) AS small_household_amount,
         sum(fee_weighted_amount) FILTER (WHERE month >= $1::date) AS fee_weighted_amount,
         sum(fee_rate_sum) FILTER (WHERE month >= $1::date) AS fee_rate_sum,
         sum(released_amount) FILTER (WHERE month >= $1::date) AS released_amount,
         sum(compensated_amount) FILTER (WHERE month >= $1::date) AS compensated_amount,
         bool_or(month >= $1::date) AS in_period, sum(new_amount) AS granted, sum(released_amount) AS released
  FROM flows
  GROUP BY GROUPING SETS ((), (region_id), (institution_id), (bank_id), (month))),
balanced AS (
  SELECT c.*,
         CASE WHEN c.grp = 14 THEN sum(c.granted) OVER (PARTITION BY c.grp ORDER BY c.month) ELSE c.granted END AS granted_to_date,
         CASE WHEN c.grp = 14 THEN sum(c.released) OVER (PARTITION BY c.grp ORDER BY c.month) ELSE c.released END AS released_to_date
  FROM cells c)
SELECT * FROM (
SELECT b.grp,
       CASE b.grp WHEN 7 THEN b.region_id::text WHEN 11 THEN b.institution_id::text WHEN 13 THEN b.bank_id::text
                  WHEN 14 THEN to_char(b.month, 'YYYY-MM') END AS key,
       CASE b.grp WHEN 7 THEN r.name WHEN 11 THEN i.name WHEN 13 THEN k.name WHEN 14 THEN to_char(b.month, 'YYYY-MM') END AS label,
       coalesce(b.new_count, 0)::text AS new_count, coalesce(b.new_amount, 0)::text AS new_amount,
       coalesce(b.small_agri_count, 0)::text AS small_agri_count, coalesce(b.small_agri_amount, 0)::text AS small_agri_amount,
       coalesce(b.small_household_amount, 0)::text AS small_household_amount,
       coalesce(b.fee_weighted_amount, 0)::text AS fee_weighted_amount, coalesce(b.fee_rate_sum, 0)::text AS fee_rate_sum,
       coalesce(b.released_amount, 0)::text AS released_amount, coalesce(b.compensated_amount, 0)::text AS compensated_amount,
       coalesce(b.granted_to_date, 0)::text AS granted_to_date, coalesce(b.released_to_date, 0)::text AS released_to_date
FROM balanced b
LEFT JOIN region r ON b.grp = 7 AND r.id = b.region_id
LEFT JOIN guarantee_institution i ON b.grp = 11 AND i.id = b.institution_id
LEFT JOIN bank k ON b.grp = 13 AND k.id = b.bank_id
WHERE b.grp IN (15, 14) OR (coalesce(b.in_period, FALSE) OR b.granted <> b.released)
) slices
ORDER BY grp, label COLLATE "C", key`;

export interface DashboardFloorRequest {
  filter: { from: string; to: string };
  scopeRegionId?: string | null;
}

/** The floor's answer to a dashboard request, as a GraphQL response body (without the policy targets). */
export async function dashboardFloor(pool: pg.Pool, { filter, scopeRegionId }: DashboardFloorRequest): Promise<string> {
  const { rows } = await pool.query<DashboardRow>({
    name: 'floor-dashboard',
    text: SQL,
    values: [filter.from, filter.to, scopeRegionId ?? null],
  });
  // An empty set of cells still has its total row (GROUPING SETS' ()): the hub's shape either way.
  return JSON.stringify({ data: { dashboard: figuresOf(rows, filter) } });
}
