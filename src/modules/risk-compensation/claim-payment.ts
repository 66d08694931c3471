import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { queryRows } from '../../platform/db/sql';
import { businessToday, BUSINESS_TIME_ZONE } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';

/** The claim tables and when each counts as approved (R7: one decision; R8: the later of the two departments'). */
const APPROVED_AT = {
  risk_compensation_claim: 'c.decided_at',
  fee_subsidy_claim: 'GREATEST(c.industry_decided_at, c.finance_decided_at)',
} as const;

export type ClaimTable = keyof typeof APPROVED_AT;

/**
 * 市财政局 records that an approved claim was paid (实施意见（七）（八）: 市财政局负责资金拨付): APPROVED → PAID,
 * on a date neither in the future nor before the approval (Asia/Shanghai). A claim outside the viewer's scope is
 * NOT_FOUND; one that is not APPROVED (still open, rejected, or already paid) is CONFLICT. The UPDATE's own
 * condition on the status makes two payments at once give one PAID and one CONFLICT.
 */
export async function markClaimPaid(manager: EntityManager, scope: Scope, table: ClaimTable, id: string, paidOn: string): Promise<void> {
  const today = businessToday();
  if (paidOn > today) throw new BadInputError('paidOn', `paidOn may not be in the future (today is ${today})`);
  if (!isUuid(id)) throw new NotFoundError('Claim', id);
  const scoped = scope.claims('c');
  const [claim] = await queryRows<{ id: string; status: string; approved_on: string | null }>(
    manager,
    `SELECT c.id, c.status, (${APPROVED_AT[table]} AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date::text AS approved_on
     FROM ${table} c WHERE c.id = :id AND ${scoped.sql}`,
    { id: id.toLowerCase(), ...scoped.params },
  );
  if (!claim) throw new NotFoundError('Claim', id);
  if (claim.status !== 'APPROVED') throw new ConflictError(`Only an approved claim can be paid; this one is ${claim.status}`);
  if (claim.approved_on && paidOn < claim.approved_on)
    throw new BadInputError('paidOn', `paidOn may not be before the approval (${claim.approved_on})`);
  const paid = await queryRows<{ id: string }>(
    manager,
    `UPDATE ${table} SET status = 'PAID', paid_on = :paidOn, paid_by = :by WHERE id = :id AND status = 'APPROVED' RETURNING id`,
    { id: claim.id, paidOn, by: scope.viewer?.sub ?? 'unknown' },
  );
  if (!paid.length) throw new ConflictError('This claim was paid or changed meanwhile');
}
