import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { ClaimRepo, type ClaimTable } from './claim.repo';

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
  const repo = new ClaimRepo(manager);
  const claim = await repo.payable(scope, table, id.toLowerCase());
  if (!claim) throw new NotFoundError('Claim', id);
  if (claim.status !== 'APPROVED') throw new ConflictError(`Only an approved claim can be paid; this one is ${claim.status}`);
  if (claim.approved_on && paidOn < claim.approved_on)
    throw new BadInputError('paidOn', `paidOn may not be before the approval (${claim.approved_on})`);
  if (!(await repo.markPaid(table, claim.id, paidOn, scope.viewer?.sub ?? 'unknown')))
    throw new ConflictError('This claim was paid or changed meanwhile');
}
