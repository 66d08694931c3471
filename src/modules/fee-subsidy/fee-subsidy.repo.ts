import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import { guaranteeJoin, type JoinedRow } from '../guarantee/guarantee.repo';
import { ClaimStatus } from '../risk-compensation/risk-compensation.types';
import type { FeeSubsidyFigures } from './fee-subsidy.calc';
import { FeeSubsidyClaim } from './fee-subsidy.entity';

/** A 支小支农 guarantee started in the claim's year (the candidates R8's other conditions then sift). */
export interface FeeSubsidyCandidateRow {
  id: string;
  startOn: string;
  feeRate: string;
  guaranteedAmount: string;
  smallAgri: boolean;
  reGuaranteed: boolean;
}

export type Department = 'industry' | 'finance';

/** fee_subsidy_claim (R8) and the guarantees each claim counted (fee_subsidy_claim_guarantee). */
export class FeeSubsidyRepo extends Repository {
  /** Claims in scope (scope.claims), optionally of one institution and one year; newest year first. */
  list(scope: Scope, filter: { institutionId?: string | null; year?: number | null }): Promise<FeeSubsidyClaim[]> {
    const scoped = scope.claims('c');
    const q = this.manager.createQueryBuilder(FeeSubsidyClaim, 'c').where(scoped.sql, scoped.params);
    if (filter.institutionId != null) q.andWhere('c.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.year != null) q.andWhere('c.year = :year', { year: filter.year });
    return q.orderBy('c.year', 'DESC').addOrderBy('c.submitted_at', 'DESC').getMany();
  }

  /** One claim in scope, or null; `lock` holds it FOR UPDATE until the caller's transaction ends. */
  get(scope: Scope, id: string, lock = false): Promise<FeeSubsidyClaim | null> {
    const scoped = scope.claims('c');
    const q = this.manager.createQueryBuilder(FeeSubsidyClaim, 'c');
    if (lock) q.setLock('pessimistic_write');
    return q.where('c.id = :id', { id }).andWhere(scoped.sql, scoped.params).getOne();
  }

  /** Whether the institution exists in scope. */
  async institutionExists(scope: Scope, institutionId: string): Promise<boolean> {
    const scoped = scope.institutions('i');
    return !!(await this.first(`SELECT 1 FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql}`, {
      ...scoped.params,
      id: institutionId,
    }));
  }

  /** The institution's 支小支农 guarantees started in the year (whatever became of them since), oldest first. */
  candidates(scope: Scope, institutionId: string, year: number): Promise<FeeSubsidyCandidateRow[]> {
    const scoped = scope.guarantees('g');
    return this.rows<FeeSubsidyCandidateRow>(
      `SELECT g.id, g.start_on AS "startOn", g.fee_rate AS "feeRate", g.guaranteed_amount AS "guaranteedAmount",
              g.small_agri AS "smallAgri", g.re_guaranteed AS "reGuaranteed"
       FROM guarantee g
       WHERE g.institution_id = :institution AND g.start_on BETWEEN CAST(:from AS date) AND CAST(:to AS date) AND g.small_agri AND ${scoped.sql}
       ORDER BY g.start_on, g.id`,
      { ...scoped.params, institution: institutionId, from: `${year}-01-01`, to: `${year}-12-31` },
    );
  }

  /** A SUBMITTED claim with its figures. The unique partial index uq_fee_subsidy_claim_open refuses a second open one. */
  async insert(institutionId: string, year: number, f: FeeSubsidyFigures, submittedBy: string | undefined): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO fee_subsidy_claim (institution_id, year, eligible_count, eligible_amount, subsidy_rate, subsidy_amount, status, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [institutionId, year, f.eligibleCount, f.eligibleAmount, f.subsidyRate, f.subsidy, ClaimStatus.SUBMITTED, submittedBy],
    );
    return id;
  }

  /** Freezes the guarantees the claim counted, in one statement. */
  async freeze(claimId: string, guaranteeIds: readonly string[]): Promise<void> {
    if (!guaranteeIds.length) return;
    await this.manager.query(`INSERT INTO fee_subsidy_claim_guarantee (claim_id, guarantee_id) SELECT $1::uuid, unnest($2::uuid[])`, [
      claimId,
      [...guaranteeIds],
    ]);
  }

  /** One department's decision (the caller holds the claim's row lock) and the claim's resulting status. */
  async decide(id: string, department: Department, status: ClaimStatus, note: string | null): Promise<void> {
    const [at, noted] = department === 'industry' ? ['industry_decided_at', 'industry_note'] : ['finance_decided_at', 'finance_note'];
    await this.manager.query(`UPDATE fee_subsidy_claim SET status = $2, ${at} = now(), ${noted} = $3 WHERE id = $1`, [id, status, note]);
  }

  /** The guarantees each claim counted that the viewer may read (scope.guarantees), by claim, oldest start first. */
  async eligibleByClaims(scope: Scope, claimIds: readonly string[]): Promise<(JoinedRow & { claimId: string })[]> {
    const scoped = scope.guarantees('g');
    const j = guaranteeJoin(scope);
    return this.rows<JoinedRow & { claimId: string }>(
      `SELECT cg.claim_id AS "claimId", ${j.select}
       FROM ${j.from} JOIN fee_subsidy_claim_guarantee cg ON cg.guarantee_id = g.id
       WHERE cg.claim_id = ANY(CAST(:claims AS uuid[])) AND ${scoped.sql}
       ORDER BY g.start_on, g.code`,
      { ...scoped.params, ...j.params, claims: [...claimIds] },
    );
  }
}
