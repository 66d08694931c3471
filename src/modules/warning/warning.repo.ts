import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';

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
}

export interface Household {
  institutionId: string;
  borrowerId: string;
  borrowerKind: string;
  guaranteeKind: string;
  balance: string;
  smallAgriBalance: string;
}

export interface AgreementFigures {
  id: string;
  institutionId: string;
  bankRiskShare: string;
  creditLine: string;
  usedCredit: string;
}

/**
 * The figures R17's warnings and the R18 list are computed from. Every read takes the viewer's scope: the institutions come
 * through scope.institutions, and the business read for them (guarantees in force, agreements, reports) is
 * restricted to institutions in that scope too, whatever ids the caller passes.
 */
export class WarningRepo extends Repository {
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
              coalesce(sum(s.compensated_amount), 0)::text AS "compensatedAmount"
         FROM guarantee_institution i
         LEFT JOIN business_month_stats s ON s.institution_id = i.id
          AND s.month >= date_trunc('year', CAST(:on AS date)) AND s.month <= CAST(:on AS date)
        WHERE ${scoped.sql} ${institutionId ? 'AND i.id = :institutionId' : ''}
        GROUP BY i.id ORDER BY i.name, i.id`,
      { on, institutionId, ...scoped.params },
    );
  }

  /** The guarantees in force at the end of `on` (started by then, not released by then), per institution, borrower and kind. */
  households(scope: Scope, institutionIds: string[], on: string): Promise<Household[]> {
    if (!institutionIds.length) return Promise.resolve([]);
    const scoped = scope.institutions('i');
    return this.rows<Household>(
      `SELECT g.institution_id AS "institutionId", g.borrower_id AS "borrowerId", b.kind AS "borrowerKind", g.kind AS "guaranteeKind",
              sum(g.guaranteed_amount)::text AS balance,
              coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0)::text AS "smallAgriBalance"
         FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
        WHERE g.institution_id = ANY(:ids) AND g.institution_id IN (SELECT i.id FROM guarantee_institution i WHERE ${scoped.sql})
          AND g.start_on <= :on AND (g.released_on IS NULL OR g.released_on > :on)
        GROUP BY g.institution_id, g.borrower_id, b.kind, g.kind`,
      { ids: institutionIds, on, ...scoped.params },
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
