import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import { BUSINESS_TIME_ZONE } from '../../platform/lib/dates';

/** The claim tables and when each counts as approved (R7: one decision; R8: the later of the two departments'). */
const APPROVED_AT = {
  risk_compensation_claim: 'c.decided_at',
  fee_subsidy_claim: 'GREATEST(c.industry_decided_at, c.finance_decided_at)',
} as const;

export type ClaimTable = keyof typeof APPROVED_AT;

/**
 * What the two kinds of annual claim share (R7 risk compensation, R8 fee subsidy): one open claim per institution and
 * year, and FINANCE's payment of an approved one. The table name comes from ClaimTable, never from input.
 */
export class ClaimRepo extends Repository {
  /** The status of the institution's claim of the year that is not rejected, if any (in scope). */
  async openStatus(scope: Scope, table: ClaimTable, institutionId: string, year: number): Promise<string | undefined> {
    const scoped = scope.claims('c');
    const row = await this.first<{ status: string }>(
      `SELECT c.status FROM ${table} c WHERE c.institution_id = :institution AND c.year = :year AND c.status <> 'REJECTED' AND ${scoped.sql}`,
      { ...scoped.params, institution: institutionId, year },
    );
    return row?.status;
  }

  /** A claim in scope with its status and the day (Asia/Shanghai) it was approved, or undefined. */
  payable(scope: Scope, table: ClaimTable, id: string): Promise<{ id: string; status: string; approved_on: string | null } | undefined> {
    const scoped = scope.claims('c');
    return this.first(
      `SELECT c.id, c.status, (${APPROVED_AT[table]} AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date::text AS approved_on
       FROM ${table} c WHERE c.id = :id AND ${scoped.sql}`,
      { id, ...scoped.params },
    );
  }

  /** APPROVED → PAID; false when the claim was no longer APPROVED (its condition makes two payments at once give one). */
  async markPaid(table: ClaimTable, id: string, paidOn: string, by: string): Promise<boolean> {
    const paid = await this.rows<{ id: string }>(
      `UPDATE ${table} SET status = 'PAID', paid_on = :paidOn, paid_by = :by WHERE id = :id AND status = 'APPROVED' RETURNING id`,
      { id, paidOn, by },
    );
    return paid.length > 0;
  }
}
