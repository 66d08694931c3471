import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { dec, money, type Dec } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { LedgerRepo } from '../ledger/ledger.repo';
import { GuaranteeStatus } from '../guarantee/guarantee.entity';
import { endGuarantee } from '../guarantee/guarantee.end';
import { GuaranteeRepo, type GuaranteeRecord } from '../guarantee/guarantee.repo';
import { openLead } from '../lead/lead.service';
import { amountSchema, checkEvidence, checkPaymentDate } from './compensation.checks';
import { parseInput } from '../../platform/validation/parse';
import type { CompensationInput } from './compensation.inputs';
import { CompensationRepo, type CompensationRecord } from './compensation.repo';

/** 代偿 and 追偿, written by the institution that gave the guarantee. */
export class CompensationService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  /**
   * Records a compensation. The guarantee row is locked first, so concurrent compensations of one
   * guarantee serialise and together never exceed its guaranteed amount.
   */
  async record(input: CompensationInput): Promise<CompensationRecord> {
    const { amount } = parseInput(amountSchema, input);
    checkPaymentDate('paidOn', input.paidOn);
    const evidence = checkEvidence(input.suspectedMalicious, input.evidence);
    if (!isUuid(input.guaranteeId)) throw new NotFoundError('Guarantee', input.guaranteeId);

    return this.manager.transaction(async (tx) => {
      const g = await this.lockOwnGuarantee(tx, input.guaranteeId);
      if (g.status === GuaranteeStatus.RELEASED)
        throw new ConflictError(`Guarantee ${g.id} was released (repaid): it cannot be compensated`);
      checkPaymentDate('paidOn', input.paidOn, { date: g.startOn, what: 'the guarantee started' });
      const remaining = dec(g.guaranteedAmount).minus(g.compensatedAmount);
      if (dec(amount).gt(remaining))
        throw new BadInputError('amount', `The amount exceeds what remains of the guaranteed amount (${money(remaining)})`);

      const id = await new CompensationRepo(tx).insert({
        guaranteeId: g.id,
        institutionId: g.institutionId,
        amount,
        paidOn: input.paidOn,
        suspectedMalicious: input.suspectedMalicious,
        evidence,
      });
      await new GuaranteeRepo(tx).addCompensated(g.id, amount);
      // The first compensation ends the guarantee: COMPENSATED on the payment day (guarantee.end.ts).
      if (g.status === GuaranteeStatus.ACTIVE) await endGuarantee(tx, g, GuaranteeStatus.COMPENSATED, input.paidOn);
      await new LedgerRepo(tx).addCompensated(
        { institutionId: g.institutionId, bankId: g.bankId, regionId: g.regionId },
        input.paidOn,
        amount,
      );
      if (input.suspectedMalicious && evidence) await openLead(tx, { compensationId: id, institutionId: g.institutionId, evidence });
      return this.reload(tx, id);
    });
  }

  /** 追偿: money recovered from the borrower; the compensation's recovered amount never exceeds it. */
  async recordRecovery(compensationId: string, amount: Dec, recoveredOn: string): Promise<CompensationRecord> {
    const { amount: value } = parseInput(amountSchema, { amount });
    checkPaymentDate('recoveredOn', recoveredOn);
    if (!isUuid(compensationId)) throw new NotFoundError('Compensation', compensationId);

    return this.manager.transaction(async (tx) => {
      const repo = new CompensationRepo(tx);
      const c = await repo.lock(this.scope, compensationId);
      if (!c || !this.scope.actsFor(c.institutionId)) throw new NotFoundError('Compensation', compensationId);
      checkPaymentDate('recoveredOn', recoveredOn, { date: c.paidOn, what: 'the compensation was paid' });
      const open = dec(c.amount).minus(c.recoveredAmount);
      if (dec(value).gt(open)) throw new BadInputError('amount', `The amount exceeds what remains to recover (${money(open)})`);

      await repo.addRecovery(c.id, value, recoveredOn);
      return this.reload(tx, c.id);
    });
  }

  private async reload(tx: EntityManager, id: string): Promise<CompensationRecord> {
    const row = await new CompensationRepo(tx).find(this.scope, id);
    if (!row) throw new Error(`compensation ${id} just written is not readable`);
    return row;
  }

  /** The viewer's own guarantee, locked; another institution's behaves like a missing one. */
  private async lockOwnGuarantee(tx: EntityManager, id: string): Promise<GuaranteeRecord> {
    const g = await new GuaranteeRepo(tx).lock(this.scope, id);
    if (!g || !this.scope.actsFor(g.institutionId)) throw new NotFoundError('Guarantee', id);
    return g;
  }
}
