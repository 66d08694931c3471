import type { EntityManager } from 'typeorm';
import { dec, type Dec } from '../../../platform/lib/decimal';
import { upsertBorrowers } from '../../borrower/borrower.store';
import { addNewBusinessMany } from '../../ledger/ledger.writer';
import type { PolicyService } from '../../policy/policy.service';
import { agreementInForce, exceedsCreditLine, isSmallAgri, isSmallHousehold } from './grant.calc';
import { GUARANTEE_COLUMNS, type GuaranteeRecord } from '../guarantee.sql';
import type { Issue, ValidGuarantee } from './grant.validate';

/**
 * Grants at one institution and its batch imports exclude each other: an import holds this lock exclusively
 * for its whole transaction, single grants share it. A multi-chunk import then never interleaves with a
 * single grant of the same institution (whose locks it would otherwise meet in another order).
 */
export async function lockInstitutionGrants(tx: EntityManager, institutionId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${fn}(hashtextextended('guarantee-grants:' || $1::text, 0))`, [institutionId]);
}

export type Outcome = { kind: 'accepted'; row: GuaranteeRecord } | { kind: 'duplicate' } | { kind: 'rejected'; issue: Issue };

interface AgreementState {
  id: string;
  bankId: string;
  bankRiskShare: string;
  creditLine: string;
  usedCredit: Dec;
  signedOn: string;
  expiresOn: string | null;
}

/**
 * Grants validated guarantees of one institution, inside the caller's transaction: the part of the rules
 * that needs the database, the same for one guarantee (createGuarantee) and for a 总对总 batch (import).
 * Items are decided in order, each seeing the ones before it.
 *
 * Locks, always in this order: the institution's grant lock (lockInstitutionGrants), agreements (R6), then
 * borrowers (R1), then the monthly aggregate's cells.
 * - R6: the agreements are locked FOR UPDATE once (in id order) and their used credit tracked here, so
 *   concurrent grants under one agreement serialise and never pass its credit line together.
 * - R1: the upsert locks the institution's own borrower rows (borrower.store.ts) until commit; the in-force
 *   sum is read after it, so a concurrent grant to the same borrower waits, then counts the one before it.
 * Several chunks of one import may run through one GrantBatch in one transaction.
 */
export class GrantBatch {
  private agreements: Map<string, AgreementState[]> | undefined;
  private readonly lockedBanks = new Set<string>();
  private readonly known = { bank: new Map<string, boolean>(), region: new Map<string, boolean>() };

  constructor(
    private readonly tx: EntityManager,
    private readonly institutionId: string,
    private readonly policy: PolicyService,
    /** Lock every agreement of the institution up front (imports) rather than those of the banks met (single grants). */
    private readonly lockAllAgreements: boolean,
  ) {}

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
    const borrowerIds = await upsertBorrowers(
      this.tx,
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

    const col = <T>(f: (d: (typeof decided)[number]) => T) => decided.map(f);
    const rows: GuaranteeRecord[] = await this.tx.query(
      `INSERT INTO guarantee AS g (institution_id, code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                   bank_risk_share, start_on, end_on, small_agri)
       SELECT $1::uuid, * FROM unnest($2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::varchar[], $8::numeric[], $9::numeric[],
                                      $10::numeric[], $11::numeric[], $12::date[], $13::date[], $14::boolean[])
       RETURNING ${GUARANTEE_COLUMNS}`,
      [
        this.institutionId,
        col((d) => d.item.code),
        col((d) => d.item.bankId),
        col((d) => d.agreement?.id ?? null),
        col((d) => d.borrowerId),
        col((d) => d.item.borrower.regionId),
        col((d) => d.item.kind),
        col((d) => d.item.loanAmount),
        col((d) => d.item.guaranteedAmount),
        col((d) => d.item.feeRate),
        // No agreement in force: the bank bears nothing by contract, so its share is 0 (reported, not refused).
        col((d) => d.agreement?.bankRiskShare ?? '0'),
        col((d) => d.item.startOn),
        col((d) => d.item.endOn),
        col((d) => d.smallAgri),
      ],
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));

    const used = new Map<string, Dec>();
    for (const d of decided) if (d.agreement) used.set(d.agreement.id, (used.get(d.agreement.id) ?? dec(0)).plus(d.item.guaranteedAmount));
    if (used.size) {
      const ids = [...used.keys()].sort();
      await this.tx.query(
        `UPDATE cooperation_agreement a SET used_credit = a.used_credit + u.amount FROM unnest($1::uuid[], $2::numeric[]) AS u(id, amount) WHERE a.id = u.id`,
        [ids, ids.map((id) => used.get(id)!.toFixed(2))],
      );
    }
    await addNewBusinessMany(
      this.tx,
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
    return decided.map((d) => byCode.get(d.item.code)!);
  }

  /** Which of the ids name an existing bank or region (cached for the batch: both are reference data). */
  private async learn(what: 'bank' | 'region', ids: string[]): Promise<void> {
    const cache = this.known[what];
    const unknown = [...new Set(ids)].filter((id) => !cache.has(id));
    if (!unknown.length) return;
    const rows: { id: string }[] = await this.tx.query(`SELECT id FROM ${what} WHERE id = ANY($1::uuid[])`, [unknown]);
    for (const id of unknown) cache.set(id, false);
    for (const r of rows) cache.set(r.id, true);
  }

  private async existingCodes(codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows: { code: string }[] = await this.tx.query(
      `SELECT code FROM guarantee WHERE institution_id = $1 AND code = ANY($2::varchar[])`,
      [this.institutionId, [...new Set(codes)]],
    );
    return new Set(rows.map((r) => r.code));
  }

  /** R6: lock the agreements new business may fall under, in id order; their used credit is tracked from here on. */
  private async lockAgreements(bankIds: string[]): Promise<void> {
    if (this.lockAllAgreements && this.agreements) return;
    const banks = [...new Set(bankIds)].filter((b) => !this.lockedBanks.has(b));
    if (!this.lockAllAgreements && !banks.length) return;
    const rows: (Omit<AgreementState, 'usedCredit'> & { usedCredit: string; createdAt: Date })[] = await this.tx.query(
      `SELECT id, bank_id AS "bankId", bank_risk_share AS "bankRiskShare", credit_line AS "creditLine", used_credit AS "usedCredit",
              signed_on AS "signedOn", expires_on AS "expiresOn", created_at AS "createdAt"
         FROM cooperation_agreement WHERE institution_id = $1 ${this.lockAllAgreements ? '' : 'AND bank_id = ANY($2::uuid[])'}
        ORDER BY id FOR UPDATE`,
      this.lockAllAgreements ? [this.institutionId] : [this.institutionId, banks],
    );
    this.agreements ??= new Map();
    banks.forEach((b) => this.lockedBanks.add(b));
    // Signing order, for agreementInForce: the latest signed agreement in force governs new business.
    rows.sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    for (const r of rows) {
      const list = this.agreements.get(r.bankId) ?? [];
      list.push({
        id: r.id,
        bankId: r.bankId,
        bankRiskShare: r.bankRiskShare,
        creditLine: r.creditLine,
        usedCredit: dec(r.usedCredit),
        signedOn: r.signedOn,
        expiresOn: r.expiresOn,
      });
      this.agreements.set(r.bankId, list);
    }
  }

  /** R1: each borrower's in-force (ACTIVE) guaranteed amount at this institution, read after the borrower rows are locked. */
  private async inForceByBorrower(borrowerIds: string[]): Promise<Map<string, Dec>> {
    const rows: { borrowerId: string; total: string }[] = borrowerIds.length
      ? await this.tx.query(
          `SELECT borrower_id AS "borrowerId", sum(guaranteed_amount) AS total FROM guarantee
            WHERE institution_id = $1 AND borrower_id = ANY($2::uuid[]) AND status = 'ACTIVE' GROUP BY borrower_id`,
          [this.institutionId, borrowerIds],
        )
      : [];
    return new Map(rows.map((r) => [r.borrowerId, dec(r.total)]));
  }
}

function reject(field: string, message: string): Outcome {
  return { kind: 'rejected', issue: { field, code: 'BAD_USER_INPUT', message } };
}
