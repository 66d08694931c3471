import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import { dec, type Dec } from '../../platform/lib/decimal';
import { CooperationAgreement } from './cooperation.entity';

/** An agreement as a grant sees it (R5, R6): its terms and the credit its business in force uses. */
export interface AgreementState {
  id: string;
  bankId: string;
  bankRiskShare: string;
  creditLine: string;
  usedCredit: Dec;
  signedOn: string;
  expiresOn: string | null;
}

export interface NewAgreement {
  institutionId: string;
  bankId: string;
  bankRiskShare: string;
  creditLine: string;
  batchMode: boolean;
  greenChannel: boolean;
  exceptionReason: string | null;
  signedOn: string;
  expiresOn: string | null;
}

/**
 * cooperation_agreement's SQL. The only writer of `used_credit` (R6: the agreement's in-force guaranteed
 * amount): a grant adds to it (addUsedCredit), a guarantee leaving force takes from it (releaseCredit).
 */
export class CooperationRepo extends Repository {
  /** Agreements in scope, optionally of one institution and/or bank (ids already checked); newest first. */
  list(scope: Scope, filter: { institutionId?: string | null; bankId?: string | null }): Promise<CooperationAgreement[]> {
    const scoped = scope.agreements('a');
    const q = this.manager.createQueryBuilder(CooperationAgreement, 'a').where(scoped.sql, scoped.params);
    if (filter.institutionId) q.andWhere('a.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.bankId) q.andWhere('a.bank_id = :bankId', { bankId: filter.bankId });
    return q.orderBy('a.signed_on', 'DESC').addOrderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').getMany();
  }

  /** One agreement in scope, or null. */
  get(scope: Scope, id: string): Promise<CooperationAgreement | null> {
    const scoped = scope.agreements('a');
    return this.manager
      .createQueryBuilder(CooperationAgreement, 'a')
      .where('a.id = :id', { id })
      .andWhere(scoped.sql, scoped.params)
      .getOne();
  }

  /** Whether the institution exists in scope (the signing institution: its own row). */
  /** Agreements in scope by id (ids checked to be UUIDs): the per-request loader. */
  byIds(scope: Scope, ids: readonly string[]): Promise<CooperationAgreement[]> {
    const scoped = scope.agreements('a');
    return this.manager
      .createQueryBuilder(CooperationAgreement, 'a')
      .where('a.id = ANY(:ids)', { ids: [...ids] })
      .andWhere(scoped.sql, scoped.params)
      .getMany();
  }

  async institutionExists(scope: Scope, id: string): Promise<boolean> {
    const scoped = scope.institutions('i');
    return !!(await this.first(`SELECT 1 FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql}`, { ...scoped.params, id }));
  }

  /** Whether the bank exists in scope (banks are reference data for an institution). */
  async bankExists(scope: Scope, id: string): Promise<boolean> {
    const scoped = scope.banks('b');
    return !!(await this.first(`SELECT 1 FROM bank b WHERE b.id = :id AND ${scoped.sql}`, { ...scoped.params, id }));
  }

  async insert(a: NewAgreement): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO cooperation_agreement (institution_id, bank_id, bank_risk_share, credit_line, batch_mode, green_channel, exception_reason, signed_on, expires_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [a.institutionId, a.bankId, a.bankRiskShare, a.creditLine, a.batchMode, a.greenChannel, a.exceptionReason, a.signedOn, a.expiresOn],
    );
    return id;
  }

  /**
   * R6: the institution's agreements new business may fall under — with some banks, or all — locked FOR
   * UPDATE in id order until the caller's transaction ends, in signing order (the latest signed in force governs).
   */
  async lockForGrant(scope: Scope, institutionId: string, bankIds: readonly string[] | 'all'): Promise<AgreementState[]> {
    const scoped = scope.agreements('a');
    const rows = await this.rows<Omit<AgreementState, 'usedCredit'> & { usedCredit: string; createdAt: Date }>(
      `SELECT a.id, a.bank_id AS "bankId", a.bank_risk_share AS "bankRiskShare", a.credit_line AS "creditLine", a.used_credit AS "usedCredit",
              a.signed_on AS "signedOn", a.expires_on AS "expiresOn", a.created_at AS "createdAt"
         FROM cooperation_agreement a
        WHERE a.institution_id = :institution ${bankIds === 'all' ? '' : 'AND a.bank_id = ANY(:banks)'} AND ${scoped.sql}
        ORDER BY a.id FOR UPDATE`,
      { ...scoped.params, institution: institutionId, banks: bankIds === 'all' ? undefined : [...bankIds] },
    );
    rows.sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    return rows.map(({ createdAt: _createdAt, usedCredit, ...r }) => ({ ...r, usedCredit: dec(usedCredit) }));
  }

  /** New business under agreements (the caller holds their row locks): one statement, in id order. */
  async addUsedCredit(amounts: ReadonlyMap<string, Dec>): Promise<void> {
    if (!amounts.size) return;
    const ids = [...amounts.keys()].sort();
    await this.manager.query(
      `UPDATE cooperation_agreement a SET used_credit = a.used_credit + u.amount FROM unnest($1::uuid[], $2::numeric[]) AS u(id, amount) WHERE a.id = u.id`,
      [ids, ids.map((id) => amounts.get(id)!.toFixed(2))],
    );
  }

  /** A guarantee under the agreement left force (repaid or compensated): its amount no longer uses the credit line. */
  async releaseCredit(agreementId: string, amount: string): Promise<void> {
    await this.manager.query(`UPDATE cooperation_agreement SET used_credit = used_credit - $2 WHERE id = $1`, [agreementId, amount]);
  }

  /** Seeding (scripts/demo): each agreement's used credit recomputed from its guarantees in force (demo data is inserted in bulk). */
  async recomputeUsedCredit(): Promise<void> {
    await this.manager.query(
      `UPDATE cooperation_agreement a SET used_credit = COALESCE(s.amount, 0)
       FROM cooperation_agreement a2
       LEFT JOIN (SELECT agreement_id, sum(guaranteed_amount) AS amount FROM guarantee WHERE status = 'ACTIVE' GROUP BY agreement_id) s
         ON s.agreement_id = a2.id
       WHERE a.id = a2.id`,
    );
  }
}
