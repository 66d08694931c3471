import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { dec, money, type Dec } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { addCompensated, addReleased } from '../ledger/ledger.writer';
import { GuaranteeStatus } from '../guarantee/guarantee.entity';

import { queryRows } from '../../platform/db/sql';
import { openLead } from '../lead/lead.service';
import { amountSchema, checkEvidence, checkPaymentDate } from './compensation.checks';
import { parseInput } from '../../platform/validation/parse';
import type { CompensationInput } from './compensation.inputs';
import { findCompensation, type CompensationRecord } from './compensation.sql';

interface LockedGuarantee {
  id: string;
  institution_id: string;
  bank_id: string;
  region_id: string;
  agreement_id: string | null;
  status: GuaranteeStatus;
  start_on: string;
  guaranteed_amount: string;
  compensated_amount: string;
}

interface LockedCompensation {
  id: string;
  institution_id: string;
  amount: string;
  recovered_amount: string;
  paid_on: string;
}

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
      checkPaymentDate('paidOn', input.paidOn, { date: g.start_on, what: 'the guarantee started' });
      const remaining = dec(g.guaranteed_amount).minus(g.compensated_amount);
      if (dec(amount).gt(remaining))
        throw new BadInputError('amount', `The amount exceeds what remains of the guaranteed amount (${money(remaining)})`);

      const [{ id }] = await tx.query(
        `INSERT INTO compensation (guarantee_id, institution_id, amount, paid_on, suspected_malicious, evidence) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [g.id, g.institution_id, amount, input.paidOn, input.suspectedMalicious, evidence],
      );
      await tx.query(`UPDATE guarantee SET compensated_amount = compensated_amount + $2 WHERE id = $1`, [g.id, amount]);
      // Lock order guarantee → agreement → monthly aggregate, the order the guarantee writes take, so no deadlock.
      if (g.status === GuaranteeStatus.ACTIVE) await this.endGuarantee(tx, g, input.paidOn);
      await addCompensated(tx, { institutionId: g.institution_id, bankId: g.bank_id, regionId: g.region_id }, input.paidOn, amount);
      if (input.suspectedMalicious && evidence) await openLead(tx, { compensationId: id, institutionId: g.institution_id, evidence });
      return this.reload(tx, id);
    });
  }

  /** 追偿: money recovered from the borrower; the compensation's recovered amount never exceeds it. */
  async recordRecovery(compensationId: string, amount: Dec, recoveredOn: string): Promise<CompensationRecord> {
    const { amount: value } = parseInput(amountSchema, { amount });
    checkPaymentDate('recoveredOn', recoveredOn);
    if (!isUuid(compensationId)) throw new NotFoundError('Compensation', compensationId);

    return this.manager.transaction(async (tx) => {
      const scoped = this.scope.compensations('c');
      const [c] = await queryRows<LockedCompensation>(
        tx,
        `SELECT c.id, c.institution_id, c.amount, c.recovered_amount, c.paid_on FROM compensation c WHERE c.id = :id AND ${scoped.sql} FOR UPDATE`,
        { ...scoped.params, id: compensationId },
      );
      if (!c || !this.scope.actsFor(c.institution_id)) throw new NotFoundError('Compensation', compensationId);
      checkPaymentDate('recoveredOn', recoveredOn, { date: c.paid_on, what: 'the compensation was paid' });
      const open = dec(c.amount).minus(c.recovered_amount);
      if (dec(value).gt(open)) throw new BadInputError('amount', `The amount exceeds what remains to recover (${money(open)})`);

      await tx.query(`INSERT INTO recovery (compensation_id, amount, recovered_on) VALUES ($1, $2, $3)`, [c.id, value, recoveredOn]);
      await tx.query(`UPDATE compensation SET recovered_amount = recovered_amount + $2 WHERE id = $1`, [c.id, value]);
      return this.reload(tx, c.id);
    });
  }

  private async reload(tx: EntityManager, id: string): Promise<CompensationRecord> {
    const row = await findCompensation(tx, this.scope, id);
    if (!row) throw new Error(`compensation ${id} just written is not readable`);
    return row;
  }

  /** The viewer's own guarantee, locked; another institution's behaves like a missing one. */
  private async lockOwnGuarantee(tx: EntityManager, id: string): Promise<LockedGuarantee> {
    const scoped = this.scope.guarantees('g');
    const [g] = await queryRows<LockedGuarantee>(
      tx,
      `SELECT g.id, g.institution_id, g.bank_id, g.region_id, g.agreement_id, g.status, g.start_on, g.guaranteed_amount, g.compensated_amount
         FROM guarantee g WHERE g.id = :id AND ${scoped.sql} FOR UPDATE`,
      { ...scoped.params, id },
    );
    if (!g || !this.scope.actsFor(g.institution_id)) throw new NotFoundError('Guarantee', id);
    return g;
  }

  /**
   * The first compensation ends the guarantee: it is COMPENSATED on the payment day, counts as released in
   * that month (R7: released = repaid or compensated) and no longer uses its agreement's credit line (R6).
   */
  private async endGuarantee(tx: EntityManager, g: LockedGuarantee, paidOn: string): Promise<void> {
    await tx.query(`UPDATE guarantee SET status = $2, released_on = $3 WHERE id = $1`, [g.id, GuaranteeStatus.COMPENSATED, paidOn]);
    if (g.agreement_id)
      await tx.query(`UPDATE cooperation_agreement SET used_credit = used_credit - $2 WHERE id = $1`, [
        g.agreement_id,
        g.guaranteed_amount,
      ]);
    await addReleased(tx, { institutionId: g.institution_id, bankId: g.bank_id, regionId: g.region_id }, paidOn, g.guaranteed_amount);
  }
}
