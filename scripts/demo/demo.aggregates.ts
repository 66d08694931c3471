import { CooperationRepo } from '../../src/modules/cooperation/cooperation.repo';
import { BalanceRepo } from '../../src/modules/ledger/ledger.balances';
import type { EntityManager } from 'typeorm';

/**
 * What the hub keeps alongside the guarantee rows, recomputed from them with set-based SQL once the
 * demo business is written — the same figures the write paths maintain one guarantee at a time.
 */
export async function writeAggregates(manager: EntityManager): Promise<void> {
  // R6: a credit line 20% above the agreement's peak in-force amount, rounded up to 10,000,000 and at least
  // 50,000,000, so no grant ever exceeded it. Releases on a day count before that day's grants, so within a day
  // the amount in force is highest once the day is over: the peak is the highest end-of-day running sum of the
  // day's net change (one row per agreement and day, not per event).
  await manager.query(
    `WITH events AS (
       SELECT agreement_id, start_on AS day, guaranteed_amount AS delta FROM demo_guarantee WHERE agreement_id IS NOT NULL
       UNION ALL
       SELECT agreement_id, released_on, -guaranteed_amount FROM demo_guarantee WHERE agreement_id IS NOT NULL AND released_on IS NOT NULL),
     days AS (SELECT agreement_id, day, sum(delta) AS delta FROM events GROUP BY agreement_id, day),
     running AS (SELECT agreement_id, sum(delta) OVER (PARTITION BY agreement_id ORDER BY day ROWS UNBOUNDED PRECEDING) AS in_force FROM days),
     peak AS (SELECT agreement_id, max(in_force) AS amount FROM running GROUP BY agreement_id)
     UPDATE cooperation_agreement a
     SET credit_line = greatest(50000000, ceil(COALESCE(peak.amount, 0) * 1.2 / 10000000) * 10000000)
     FROM cooperation_agreement a2 LEFT JOIN peak ON peak.agreement_id = a2.id
     WHERE a.id = a2.id`,
  );
  // The credit used is the amount in force today.
  await new CooperationRepo(manager).recomputeUsedCredit();
  // R9: net assets large enough that leverage stays near 6× whatever the number of guarantees.
  await manager.query(
    `UPDATE guarantee_institution i
     SET net_assets = greatest(i.net_assets, ceil(s.amount / 6 / 1000000) * 1000000),
         registered_capital = greatest(i.registered_capital, ceil(s.amount / 6 / 1000000) * 1000000),
         paid_in_capital = greatest(i.paid_in_capital, ceil(s.amount / 6 / 1000000) * 1000000)
     FROM (SELECT institution_id, sum(guaranteed_amount) AS amount FROM guarantee WHERE status = 'ACTIVE' GROUP BY institution_id) s
     WHERE s.institution_id = i.id`,
  );
  // business_month_stats as LedgerRepo (ledger.repo.ts) would have left it: new business in its start month,
  // releases (repaid or compensated, R7's denominator) in their month, compensations in the month paid.
  // All of it is read from the staging rows the guarantees and compensations were written from (demo.business.ts:
  // the same values, and R3's single-household flag the guarantee table does not keep; a compensation is paid on
  // its guarantee's release day, of its compensated amount), each side summed per cell before the two are added.
  await manager.query(
    `WITH grants AS (
       SELECT g.institution_id, g.bank_id, g.region_id, date_trunc('month', g.start_on::timestamp)::date AS month,
              count(*) AS new_count, sum(g.guaranteed_amount) AS new_amount,
              count(*) FILTER (WHERE g.small_agri) AS small_agri_count,
              coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0) AS small_agri_amount,
              coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_household), 0) AS small_household_amount,
              sum(g.guaranteed_amount * g.fee_rate) AS fee_weighted_amount, sum(g.fee_rate) AS fee_rate_sum
         FROM demo_guarantee g
        GROUP BY 1, 2, 3, 4),
     releases AS (
       SELECT institution_id, bank_id, region_id, date_trunc('month', released_on::timestamp)::date AS month,
              sum(guaranteed_amount) AS released_amount,
              coalesce(sum(compensated_amount) FILTER (WHERE status = 'COMPENSATED'), 0) AS compensated_amount
         FROM demo_guarantee WHERE released_on IS NOT NULL
        GROUP BY 1, 2, 3, 4)
     INSERT INTO business_month_stats (institution_id, bank_id, region_id, month, new_count, new_amount, small_agri_count,
       small_agri_amount, small_household_amount, fee_weighted_amount, fee_rate_sum, released_amount, compensated_amount)
     SELECT institution_id, bank_id, region_id, month, coalesce(n.new_count, 0), coalesce(n.new_amount, 0),
            coalesce(n.small_agri_count, 0), coalesce(n.small_agri_amount, 0), coalesce(n.small_household_amount, 0),
            coalesce(n.fee_weighted_amount, 0), coalesce(n.fee_rate_sum, 0), coalesce(r.released_amount, 0), coalesce(r.compensated_amount, 0)
       FROM grants n FULL JOIN releases r USING (institution_id, bank_id, region_id, month)`,
  );
  // A new data version for every institution, as LedgerRepo bumps it: a running hub's dashboard cache recomputes.
  await manager.query(
    `INSERT INTO ledger_version AS v (institution_id, version) SELECT id, 1 FROM guarantee_institution
     ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1`,
  );
  // The open balances R17's warnings read (ledger.balances.ts), as the grants, releases and compensations would have left them.
  await new BalanceRepo(manager).rebuild();
}
