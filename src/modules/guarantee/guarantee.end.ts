import type { EntityManager } from 'typeorm';
import { CooperationRepo } from '../cooperation/cooperation.repo';
import { BalanceRepo } from '../ledger/ledger.balances';
import { LedgerRepo } from '../ledger/ledger.repo';
import type { GuaranteeStatus } from './guarantee.entity';
import { GuaranteeRepo, type GuaranteeRecord } from './guarantee.repo';

/**
 * A guarantee leaves force — 解保 (repaid: RELEASED) or its first compensation (COMPENSATED) — on a day: it
 * stops using its agreement's credit line (R6) and counts as released in that month (R7: released = repaid or
 * compensated) and leaves the open balances (ledger.balances.ts). The caller holds the guarantee's row lock; locks are taken guarantee → agreement → monthly
 * aggregate, the order every guarantee write takes, so no deadlock.
 */
export async function endGuarantee(
  tx: EntityManager,
  g: GuaranteeRecord,
  status: GuaranteeStatus.RELEASED | GuaranteeStatus.COMPENSATED,
  on: string,
): Promise<GuaranteeRecord> {
  const row = await new GuaranteeRepo(tx).setEnded(g.id, status, on);
  if (g.agreementId) await new CooperationRepo(tx).releaseCredit(g.agreementId, g.guaranteedAmount);
  await new LedgerRepo(tx).addReleased({ institutionId: g.institutionId, bankId: g.bankId, regionId: g.regionId }, on, g.guaranteedAmount);
  // It leaves the open balances R17's warnings read (after the ledger write, which put the institution's writers in line).
  await new BalanceRepo(tx).closed(g.institutionId, g);
  return row;
}
