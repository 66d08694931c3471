import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import type { QuoteValues } from './risk-compensation.calc';
import { RiskCompensationClaim } from './risk-compensation.entity';
import { ClaimStatus } from './risk-compensation.types';

/** risk_compensation_claim (R7), and the institution and aggregate figures a claim is made of. */
export class RiskCompensationRepo extends Repository {
  /** Claims in scope (scope.claims), optionally of one institution and one year; newest year first. */
  list(scope: Scope, filter: { institutionId?: string | null; year?: number | null }): Promise<RiskCompensationClaim[]> {
    const scoped = scope.claims('c');
    const q = this.manager.createQueryBuilder(RiskCompensationClaim, 'c').where(scoped.sql, scoped.params);
    if (filter.institutionId != null) q.andWhere('c.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.year != null) q.andWhere('c.year = :year', { year: filter.year });
    return q.orderBy('c.year', 'DESC').addOrderBy('c.submitted_at', 'DESC').getMany();
  }

  /** One claim in scope, or null; `lock` holds it FOR UPDATE until the caller's transaction ends. */
  get(scope: Scope, id: string, lock = false): Promise<RiskCompensationClaim | null> {
    const scoped = scope.claims('c');
    const q = this.manager.createQueryBuilder(RiskCompensationClaim, 'c');
    if (lock) q.setLock('pessimistic_write');
    return q.where('c.id = :id', { id }).andWhere(scoped.sql, scoped.params).getOne();
  }

  /** The institution's level, in scope; undefined when missing. */
  async institutionLevel(scope: Scope, institutionId: string): Promise<string | undefined> {
    const scoped = scope.institutions('i');
    const row = await this.first<{ level: string }>(`SELECT i.level FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql}`, {
      ...scoped.params,
      id: institutionId,
    });
    return row?.level;
  }

  /** R7's year: released and compensated amounts of the institution's aggregate cells in scope. */
  async yearSums(scope: Scope, institutionId: string, year: number): Promise<{ released: string; compensated: string }> {
    const scoped = scope.aggregates('s');
    const [sums] = await this.rows<{ released: string; compensated: string }>(
      `SELECT coalesce(sum(s.released_amount), 0)::numeric(24,2)::text AS released, coalesce(sum(s.compensated_amount), 0)::numeric(24,2)::text AS compensated
         FROM business_month_stats s WHERE s.institution_id = :institution AND s.month BETWEEN CAST(:from AS date) AND CAST(:to AS date) AND ${scoped.sql}`,
      { ...scoped.params, institution: institutionId, from: `${year}-01-01`, to: `${year}-12-01` },
    );
    return sums;
  }

  /** A SUBMITTED claim with its frozen quote. The unique partial index uq_risk_claim_open refuses a second open one. */
  async insert(institutionId: string, year: number, q: QuoteValues, submittedBy: string | undefined): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO risk_compensation_claim (institution_id, year, mode, released_amount, compensated_amount, compensation_rate, payout, tiers, status, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id`,
      [
        institutionId,
        year,
        q.mode,
        q.releasedAmount,
        q.compensatedAmount,
        q.compensationRate,
        q.payout,
        JSON.stringify(q.tiers),
        ClaimStatus.SUBMITTED,
        submittedBy,
      ],
    );
    return id;
  }

  async setDecision(id: string, status: ClaimStatus, role: string | undefined, note: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE risk_compensation_claim SET status = $2, decided_by_role = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
      [id, status, role, note],
    );
  }
}
