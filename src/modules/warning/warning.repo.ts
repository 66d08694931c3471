import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import type { InForcePath } from './warning.calc';

/** What the warnings of one date are computed from, for the institutions a viewer may read. */
export interface InstitutionFigures {
  id: string;
  name: string;
  netAssets: string;
  newAmount: string;
  smallAgriAmount: string;
  smallHouseholdAmount: string;
  feeWeightedAmount: string;
  releasedAmount: string;
  compensatedAmount: string;
  /** The guaranteed amount open now (ledger_version), and the monthly aggregate's new and released amounts of the months after `on`'s: what choosing the in-force path weighs. */
  openBalance: string;
  laterNewAmount: string;
  laterReleasedAmount: string;
}

/**
 * One institution's guarantees in force on a date, as R9 and R16 need them: their balance, its 支小支农 part, the
 * LOAN balances that weigh 75% (small/micro or farmer borrowers within their class's bound) and the largest
 * single borrower's balance (summed over kinds).
 */
export interface InForceFigures {
  institutionId: string;
  balance: string;
  smallAgriBalance: string;
  smallWeightedBalance: string;
  largestHousehold: string;
}

/** R9's bounds from the policy version in force, and its classes' borrower kinds. */
export interface WeightBounds {
  smallKinds: string[];
  smallLoanAmount: string;
  farmerKinds: string[];
  farmerLoanAmount: string;
}

export interface AgreementFigures {
  id: string;
  institutionId: string;
  bankRiskShare: string;
  creditLine: string;
  usedCredit: string;
}

/** R9's 75% part of a borrower's LOAN balance: all of it when its kind's class admits the balance, else none. */
const weighs = (kind: string, loan: string) =>
  `CASE WHEN (${kind} = ANY(:smallKinds) AND ${loan} <= :smallLoan) OR (${kind} = ANY(:farmerKinds) AND ${loan} <= :farmerLoan)
        THEN ${loan} ELSE 0 END`;

/**
 * inForce() by a scan of what was in force at the end of `on`: the open guarantees started by then and those
 * started by then and released after it (the two covering indexes of migration HouseholdBalance), summed per
 * borrower with its current kind, then per institution.
 */
const inForceScan = (scoped: string) => `
  WITH inst AS MATERIALIZED (SELECT i.id FROM guarantee_institution i WHERE i.id = ANY(:ids) AND ${scoped}),
  held AS (
    SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, g.guaranteed_amount
      FROM guarantee g WHERE g.status = 'ACTIVE' AND g.start_on <= :on AND g.institution_id IN (SELECT id FROM inst)
    UNION ALL
    SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, g.guaranteed_amount
      FROM guarantee g WHERE g.released_on > :on AND g.start_on <= :on AND g.institution_id IN (SELECT id FROM inst)),
  households AS (
    SELECT h.institution_id, h.borrower_id, sum(h.guaranteed_amount) AS balance,
           coalesce(sum(h.guaranteed_amount) FILTER (WHERE h.small_agri), 0) AS small_agri,
           coalesce(sum(h.guaranteed_amount) FILTER (WHERE h.kind = 'LOAN'), 0) AS loan
      FROM held h GROUP BY h.institution_id, h.borrower_id),
  figures AS (
    SELECT hh.institution_id, sum(hh.balance) AS balance, sum(hh.small_agri) AS small_agri,
           sum(${weighs('b.kind', 'hh.loan')}) AS small_weighted, max(hh.balance) AS largest
      FROM households hh JOIN borrower b ON b.id = hh.borrower_id GROUP BY hh.institution_id)
  SELECT i.id AS "institutionId", coalesce(f.balance, 0)::text AS balance, coalesce(f.small_agri, 0)::text AS "smallAgriBalance",
         coalesce(f.small_weighted, 0)::text AS "smallWeightedBalance", coalesce(f.largest, 0)::text AS "largestHousehold"
    FROM inst i LEFT JOIN figures f ON f.institution_id = i.id`;

/**
 * The figures R17's warnings and the R18 list are computed from. Every read takes the viewer's scope: the institutions come
 * through scope.institutions, and the business read for them (guarantees in force, agreements, reports) is
 * restricted to institutions in that scope too, whatever ids the caller passes.
 */
export class WarningRepo extends Repository {
  /**
   * What the warnings of a date depend on besides it and the scope, as one string (platform/lib/answer-cache.ts):
   * the sum of the institutions' ledger versions (every committed write of guarantees, compensations and the open
   * balances bumps one) and a digest of each row's id and writing transaction (xmin) of the institutions (name,
   * net assets, region), the cooperation agreements, the policy versions and the monthly reports of `months`: an
   * insert, update or delete of any of them changes it. `ownWrites` when this transaction has written anything: its
   * reads must not be cached (it may yet roll back). No row reaches the viewer.
   */
  async dataVersion(scope: Scope, months: string[]): Promise<{ version: string; ownWrites: boolean }> {
    const digest = (table: string, where = 'TRUE') =>
      `(SELECT md5(coalesce(string_agg(t.id::text || '.' || t.xmin::text, ',' ORDER BY t.id), '')) FROM ${table} t WHERE ${where})`;
    const i = scope.institutions('t');
    // Prepared: read by every warnings and supervision request, cache hit or not.
    const [row] = await this.preparedRows<{ version: string; own_writes: boolean }>(
      `SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS own_writes,
              concat_ws(':', (SELECT coalesce(sum(v.version), 0) FROM ledger_version v), ${digest('guarantee_institution', i.sql)},
                        ${digest('cooperation_agreement')}, ${digest('policy_parameter_set')},
                        ${digest('monthly_report', 't.month = ANY(:months)')}) AS version`,
      { months, ...i.params },
    );
    return { version: row.version, ownWrites: row.own_writes };
  }

  /**
   * The institutions in the viewer's scope (optionally one) with their flows of the year up to `on`'s month,
   * from the monthly aggregate: one statement whatever their number.
   */
  institutionFigures(scope: Scope, on: string, institutionId?: string): Promise<InstitutionFigures[]> {
    const scoped = scope.institutions('i');
    return this.rows<InstitutionFigures>(
      `SELECT i.id, i.name, i.net_assets::text AS "netAssets",
              coalesce(sum(s.new_amount), 0)::text AS "newAmount", coalesce(sum(s.small_agri_amount), 0)::text AS "smallAgriAmount",
              coalesce(sum(s.small_household_amount), 0)::text AS "smallHouseholdAmount",
              coalesce(sum(s.fee_weighted_amount), 0)::text AS "feeWeightedAmount",
              coalesce(sum(s.released_amount), 0)::text AS "releasedAmount",
              coalesce(sum(s.compensated_amount), 0)::text AS "compensatedAmount",
              coalesce((SELECT v.open_balance FROM ledger_version v WHERE v.institution_id = i.id), 0)::text AS "openBalance",
              coalesce(l.new_amount, 0)::text AS "laterNewAmount", coalesce(l.released_amount, 0)::text AS "laterReleasedAmount"
         FROM guarantee_institution i
         LEFT JOIN business_month_stats s ON s.institution_id = i.id
          AND s.month >= date_trunc('year', CAST(:on AS date)) AND s.month <= CAST(:on AS date)
         LEFT JOIN LATERAL (
           SELECT sum(t.new_amount) AS new_amount, sum(t.released_amount) AS released_amount
             FROM business_month_stats t WHERE t.institution_id = i.id AND t.month > CAST(:on AS date)) l ON true
        WHERE ${scoped.sql} ${institutionId ? 'AND i.id = :institutionId' : ''}
        GROUP BY i.id, l.new_amount, l.released_amount ORDER BY i.name, i.id`,
      { on, institutionId, ...scoped.params },
    );
  }

  /**
   * The in-force figures at the end of `on` (started by then, not released by then) of each institution, in one
   * statement: the open balances maintained by every write (ledger.balances.ts), corrected by the guarantees whose
   * force on `on` differs from being open now — open ones started after it, released ones started by it and released
   * after it (two index ranges; few rows for a recent date, more the further back). Only the borrowers those touch
   * are recomputed; the others' figures are read as maintained, R9's 75% part as its class totals less the few
   * balances above the class's bound, R16's largest household as the larger of the recomputed ones and the first
   * unchanged one down the maintained balances' index.
   */
  inForce(
    scope: Scope,
    institutionIds: string[],
    on: string,
    bounds: WeightBounds,
    path: InForcePath = 'corrections',
  ): Promise<InForceFigures[]> {
    if (!institutionIds.length) return Promise.resolve([]);
    const scoped = scope.institutions('i');
    const params = {
      ids: institutionIds,
      on,
      smallKinds: bounds.smallKinds,
      smallLoan: bounds.smallLoanAmount,
      farmerKinds: bounds.farmerKinds,
      farmerLoan: bounds.farmerLoanAmount,
      ...scoped.params,
    };
    if (path === 'scan') return this.rows<InForceFigures>(inForceScan(scoped.sql), params);
    // The borrower's current kind: as maintained while it has anything open, else from its row.
    const kind = '(coalesce(h.borrower_kind, (SELECT b.kind FROM borrower b WHERE b.id = m.borrower_id)))';
    const tail = (kinds: string, bound: string) =>
      `(SELECT coalesce(sum(h.loan_balance), 0) FROM household_balance h
         WHERE h.institution_id = i.id AND h.borrower_kind = ANY(${kinds}) AND h.loan_balance > ${bound})`;
    return this.rows<InForceFigures>(
      `WITH inst AS MATERIALIZED (SELECT i.id FROM guarantee_institution i WHERE i.id = ANY(:ids) AND ${scoped.sql}),
       delta AS (
         SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, -g.guaranteed_amount AS amount
           FROM guarantee g WHERE g.status = 'ACTIVE' AND g.start_on > :on AND g.institution_id IN (SELECT id FROM inst)
         UNION ALL
         SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, g.guaranteed_amount
           FROM guarantee g WHERE g.released_on > :on AND g.start_on <= :on AND g.institution_id IN (SELECT id FROM inst)),
       moved AS (
         SELECT d.institution_id, d.borrower_id, sum(d.amount) AS balance, coalesce(sum(d.amount) FILTER (WHERE d.small_agri), 0) AS small_agri,
                coalesce(sum(d.amount) FILTER (WHERE d.kind = 'LOAN'), 0) AS loan
           FROM delta d GROUP BY d.institution_id, d.borrower_id),
       changed AS (
         SELECT m.institution_id, m.balance, m.small_agri, coalesce(h.balance, 0) + m.balance AS balance_on,
                ${weighs(kind, 'coalesce(h.loan_balance, 0) + m.loan')} - ${weighs('h.borrower_kind', 'coalesce(h.loan_balance, 0)')} AS small_weighted
           FROM moved m LEFT JOIN household_balance h ON h.institution_id = m.institution_id AND h.borrower_id = m.borrower_id),
       corrected AS (
         SELECT c.institution_id, sum(c.balance) AS balance, sum(c.small_agri) AS small_agri, sum(c.small_weighted) AS small_weighted,
                max(c.balance_on) AS largest
           FROM changed c GROUP BY c.institution_id)
       SELECT i.id AS "institutionId",
              (coalesce(v.open_balance, 0) + coalesce(c.balance, 0))::text AS balance,
              (coalesce(v.open_small_agri, 0) + coalesce(c.small_agri, 0))::text AS "smallAgriBalance",
              (coalesce(v.open_small_micro_loan, 0) - ${tail(':smallKinds', ':smallLoan')}
               + coalesce(v.open_farmer_loan, 0) - ${tail(':farmerKinds', ':farmerLoan')} + coalesce(c.small_weighted, 0))::text AS "smallWeightedBalance",
              greatest(coalesce(c.largest, 0),
                       (SELECT h.balance FROM household_balance h WHERE h.institution_id = i.id
                           AND NOT EXISTS (SELECT 1 FROM guarantee g WHERE g.borrower_id = h.borrower_id AND g.institution_id = h.institution_id
                                              AND ((g.status = 'ACTIVE' AND g.start_on > :on) OR (g.released_on > :on AND g.start_on <= :on)))
                         ORDER BY h.balance DESC LIMIT 1), 0)::text AS "largestHousehold"
         FROM inst i
         LEFT JOIN ledger_version v ON v.institution_id = i.id
         LEFT JOIN corrected c ON c.institution_id = i.id`,
      params,
    );
  }

  /** The agreements of these institutions in force on `on`. */
  agreementsInForce(scope: Scope, institutionIds: string[], on: string): Promise<AgreementFigures[]> {
    if (!institutionIds.length) return Promise.resolve([]);
    const scoped = scope.institutions('i');
    return this.rows<AgreementFigures>(
      `SELECT a.id, a.institution_id AS "institutionId", a.bank_risk_share::text AS "bankRiskShare",
              a.credit_line::text AS "creditLine", a.used_credit::text AS "usedCredit"
         FROM cooperation_agreement a
        WHERE a.institution_id = ANY(:ids) AND a.institution_id IN (SELECT i.id FROM guarantee_institution i WHERE ${scoped.sql})
          AND a.signed_on <= :on AND (a.expires_on IS NULL OR a.expires_on >= :on)
        ORDER BY a.signed_on, a.id`,
      { ids: institutionIds, on, ...scoped.params },
    );
  }

  /** The date (Asia/Shanghai) each institution first submitted its report of `month` (YYYY-MM), if it did. */
  async firstReportDates(scope: Scope, institutionIds: string[], month: string): Promise<Map<string, string>> {
    if (!institutionIds.length) return new Map();
    const scoped = scope.institutions('i');
    const rows = await this.rows<{ institution_id: string; first_on: string }>(
      `SELECT r.institution_id, (min(r.submitted_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS first_on
         FROM monthly_report r
        WHERE r.institution_id = ANY(:ids) AND r.month = :month
          AND r.institution_id IN (SELECT i.id FROM guarantee_institution i WHERE ${scoped.sql})
        GROUP BY r.institution_id`,
      { ids: institutionIds, month, ...scoped.params },
    );
    return new Map(rows.map((r) => [r.institution_id, r.first_on]));
  }
}
