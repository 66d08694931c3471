import type { EntityManager } from 'typeorm';
import { SystemScope } from '../../../access/system-scope';
import { BadInputError } from '../../../platform/errors';
import { dec, type Dec } from '../../../platform/lib/decimal';
import { BorrowerRepo } from '../../borrower/borrower.repo';
import { CooperationRepo, type AgreementState } from '../../cooperation/cooperation.repo';
import { BalanceRepo } from '../../ledger/ledger.balances';
import { LedgerRepo } from '../../ledger/ledger.repo';
import type { PolicyService } from '../../policy/policy.service';
import { agreementInForce, exceedsCreditLine, isSmallAgri, isSmallHousehold } from './grant.calc';
import type { GuaranteeRecord } from '../guarantee.repo';
import { GrantRepo } from './grant.repo';
import type { Issue, ValidGuarantee } from './grant.validate';

/**
 * A grant's own reads are not the viewer's: the caller was found to act for the institution before the batch
 * opened (createGuarantee, importGuarantees), or is the operator's import CLI.
 */
const GRANT = SystemScope.because('grant: the caller acts for the institution, checked before the batch opens');

/** The grant lock of one institution (GrantRepo.lockInstitutionGrants). */
export function lockInstitutionGrants(tx: EntityManager, institutionId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  return new GrantRepo(tx).lockInstitutionGrants(institutionId, mode);
}

/** The acting institution's own row must exist (a token may outlive its institution). */
export async function requireInstitution(tx: EntityManager, institutionId: string): Promise<void> {
  if (!(await new GrantRepo(tx).institutionExists(GRANT, institutionId)))
    throw new BadInputError('institutionId', 'institutionId names no institution');
}

export type Outcome = { kind: 'accepted'; row: GuaranteeRecord } | { kind: 'duplicate' } | { kind: 'rejected'; issue: Issue };

/**
 * Grants validated guarantees of one institution, inside the caller's transaction: the part of the rules
 * that needs the database, the same for one guarantee (createGuarantee) and for a 总对总 batch (import).
 * Items are decided in order, each seeing the ones before it.
 *
 * Locks, always in this order: the institution's grant lock (lockInstitutionGrants), agreements (R6), then
 * borrowers (R1), then the monthly aggregate's cells.
 * - R6: the agreements are locked FOR UPDATE once (in id order) and their used credit tracked here, so
 *   concurrent grants under one agreement serialise and never pass its credit line together.
 * - R1: the upsert locks the institution's own borrower rows (BorrowerRepo.upsert) until commit; the in-force
 *   sum is read after it, so a concurrent grant to the same borrower waits, then counts the one before it.
 * Several chunks of one import may run through one GrantBatch in one transaction.
 */
export class GrantBatch {
  private agreements: Map<string, AgreementState[]> | undefined;
  private readonly lockedBanks = new Set<string>();
  private readonly known = { bank: new Map<string, boolean>(), region: new Map<string, boolean>() };
  private readonly repo: GrantRepo;

  constructor(
    private readonly tx: EntityManager,
    private readonly institutionId: string,
    private readonly policy: PolicyService,
    /** Lock every agreement of the institution up front (imports) rather than those of the banks met (single grants). */
    private readonly lockAllAgreements: boolean,
  ) {
    this.repo = new GrantRepo(tx);
  }

  async grant(items: readonly ValidGuarantee[]): Promise<Outcome[]> {
    const outcomes: (Outcome | undefined)[] = new Array(items.length);
    await this.learn(
      'bank',
      items.map((i) => i.bankId),
    );
    await this.learn(
      'region',
      items.map((i) => i.borrower.regionId),
    );
    const candidates: number[] = [];
    items.forEach((item, i) => {
      if (!this.known.bank.get(item.bankId)) outcomes[i] = reject('bankId', 'bankId names no bank');
      else if (!this.known.region.get(item.borrower.regionId))
        outcomes[i] = reject('borrower.regionId', 'borrower.regionId names no region');
      else candidates.push(i);
    });

    const existing = await this.existingCodes(candidates.map((i) => items[i].code));
    await this.lockAgreements(candidates.map((i) => items[i].bankId));
    const accepted: { i: number; agreement: AgreementState | undefined }[] = [];
    const acceptedCodes = new Set<string>();
    for (const i of candidates) {
      const item = items[i];
      if (existing.has(item.code) || acceptedCodes.has(item.code)) {
        outcomes[i] = { kind: 'duplicate' };
        continue;
      }
      const agreement = agreementInForce(this.agreements?.get(item.bankId) ?? [], item.startOn);
      if (agreement && exceedsCreditLine(agreement.usedCredit.toFixed(2), item.guaranteedAmount, agreement.creditLine)) {
        const left = dec(agreement.creditLine).minus(agreement.usedCredit).toFixed(2);
        outcomes[i] = {
          kind: 'rejected',
          issue: {
            field: 'guaranteedAmount',
            code: 'CREDIT_LINE_EXCEEDED',
            rule: 'R6',
            message: `guaranteedAmount ${item.guaranteedAmount} exceeds what is left of the agreement's credit line (${left})`,
          },
        };
        continue;
      }
      if (agreement) agreement.usedCredit = agreement.usedCredit.plus(item.guaranteedAmount);
      acceptedCodes.add(item.code);
      accepted.push({ i, agreement });
    }
    if (accepted.length) {
      const rows = await this.insert(accepted.map((a) => ({ item: items[a.i], agreement: a.agreement })));
      accepted.forEach((a, k) => (outcomes[a.i] = { kind: 'accepted', row: rows[k] }));
    }
    return outcomes as Outcome[];
  }

  private async insert(accepted: { item: ValidGuarantee; agreement: AgreementState | undefined }[]): Promise<GuaranteeRecord[]> {
    const borrowerIds = await new BorrowerRepo(this.tx).upsert(
      this.institutionId,
      accepted.map((a) => a.item.borrower),
    );
    const inForce = await this.inForceByBorrower([...new Set(borrowerIds.values())]);
    const caps = new Map<string, { max: string; small: string }>();
    for (const d of new Set(accepted.map((a) => a.item.startOn))) {
      const p = await this.policy.forBusinessOn(d);
      caps.set(d, { max: p.maxHouseholdAmount, small: p.smallHouseholdAmount });
    }
    const decided = accepted.map(({ item, agreement }) => {
      const borrowerId = borrowerIds.get(item.borrower.identifier)!;
      const total = (inForce.get(borrowerId) ?? dec(0)).plus(item.guaranteedAmount);
      inForce.set(borrowerId, total);
      const cap = caps.get(item.startOn)!;
      const smallAgri = isSmallAgri(item.borrower.kind, item.kind, total.toFixed(2), cap.max);
      return { item, agreement, borrowerId, smallAgri, smallHousehold: isSmallHousehold(smallAgri, total.toFixed(2), cap.small) };
    });

    const rows = await this.repo.insert(
      this.institutionId,
      decided.map((d) => ({
        ...d.item,
        agreementId: d.agreement?.id ?? null,
        borrowerId: d.borrowerId,
        regionId: d.item.borrower.regionId,
        // No agreement in force: the bank bears nothing by contract, so its share is 0 (reported, not refused).
        bankRiskShare: d.agreement?.bankRiskShare ?? '0',
        smallAgri: d.smallAgri,
      })),
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));

    const used = new Map<string, Dec>();
    for (const d of decided) if (d.agreement) used.set(d.agreement.id, (used.get(d.agreement.id) ?? dec(0)).plus(d.item.guaranteedAmount));
    await new CooperationRepo(this.tx).addUsedCredit(used);
    await new LedgerRepo(this.tx).addNewBusinessMany(
      this.institutionId,
      decided.map((d) => ({
        bankId: d.item.bankId,
        regionId: d.item.borrower.regionId,
        startOn: d.item.startOn,
        guaranteedAmount: d.item.guaranteedAmount,
        feeRate: d.item.feeRate,
        smallAgri: d.smallAgri,
        smallHousehold: d.smallHousehold,
      })),
    );
    // Open from now on: R17's balances, after the ledger write that put the institution's writers in line.
    await new BalanceRepo(this.tx).opened(
      this.institutionId,
      decided.map((d) => ({
        borrowerId: d.borrowerId,
        kind: d.item.kind,
        guaranteedAmount: d.item.guaranteedAmount,
        smallAgri: d.smallAgri,
      })),
    );
    return decided.map((d) => byCode.get(d.item.code)!);
  }

  /** Which of the ids name an existing bank or region (cached for the batch: both are reference data). */
  private async learn(what: 'bank' | 'region', ids: string[]): Promise<void> {
    const cache = this.known[what];
    const unknown = [...new Set(ids)].filter((id) => !cache.has(id));
    if (!unknown.length) return;
    const found = await this.repo.existing(GRANT, what, unknown);
    for (const id of unknown) cache.set(id, false);
    for (const id of found) cache.set(id, true);
  }

  private existingCodes(codes: string[]): Promise<Set<string>> {
    return this.repo.existingCodes(GRANT, this.institutionId, codes);
  }

  /** R6: lock the agreements new business may fall under, in id order; their used credit is tracked from here on. */
  private async lockAgreements(bankIds: string[]): Promise<void> {
    if (this.lockAllAgreements && this.agreements) return;
    const banks = [...new Set(bankIds)].filter((b) => !this.lockedBanks.has(b));
    if (!this.lockAllAgreements && !banks.length) return;
    const rows = await new CooperationRepo(this.tx).lockForGrant(GRANT, this.institutionId, this.lockAllAgreements ? 'all' : banks);
    this.agreements ??= new Map();
    banks.forEach((b) => this.lockedBanks.add(b));
    // Signing order (lockForGrant's), for agreementInForce: the latest signed agreement in force governs new business.
    for (const r of rows) {
      const list = this.agreements.get(r.bankId) ?? [];
      list.push(r);
      this.agreements.set(r.bankId, list);
    }
  }

  /** R1: each borrower's in-force (ACTIVE) guaranteed amount at this institution, read after the borrower rows are locked. */
  private inForceByBorrower(borrowerIds: string[]): Promise<Map<string, Dec>> {
    return this.repo.inForceByBorrower(GRANT, this.institutionId, borrowerIds);
  }
}

function reject(field: string, message: string): Outcome {
  return { kind: 'rejected', issue: { field, code: 'BAD_USER_INPUT', message } };
}
