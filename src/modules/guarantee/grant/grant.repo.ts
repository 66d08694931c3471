import type { Scope } from '../../../access/scope';
import { Repository } from '../../../platform/db/repository';
import { dec, type Dec } from '../../../platform/lib/decimal';
import { GUARANTEE_COLUMNS, type GuaranteeRecord } from '../guarantee.repo';

/** One guarantee row to insert, decided by the grant (agreement, borrower, 支小支农). */
export interface GrantRow {
  code: string;
  bankId: string;
  agreementId: string | null;
  borrowerId: string;
  regionId: string;
  kind: string;
  loanAmount: string;
  guaranteedAmount: string;
  feeRate: string;
  bankRiskShare: string;
  startOn: string;
  endOn: string;
  smallAgri: boolean;
  reGuaranteed: boolean;
}

/** The SQL of granting guarantees (grant.batch.ts): its locks, the reads its rules need, and the insert. */
export class GrantRepo extends Repository {
  /**
   * Grants at one institution and its batch imports exclude each other: an import holds this lock exclusively
   * for its whole transaction, single grants share it. A multi-chunk import then never interleaves with a
   * single grant of the same institution (whose locks it would otherwise meet in another order).
   */
  async lockInstitutionGrants(institutionId: string, mode: 'shared' | 'exclusive'): Promise<void> {
    const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
    await this.manager.query(`SELECT ${fn}(hashtextextended('guarantee-grants:' || $1::text, 0))`, [institutionId]);
  }

  /** Whether the institution's row exists in scope (a token may outlive its institution). */
  async institutionExists(scope: Scope, institutionId: string): Promise<boolean> {
    const scoped = scope.institutions('i');
    return !!(await this.first(`SELECT 1 FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql}`, {
      ...scoped.params,
      id: institutionId,
    }));
  }

  /** Which of the ids name a bank or a region in scope. */
  async existing(scope: Scope, what: 'bank' | 'region', ids: readonly string[]): Promise<string[]> {
    const scoped = what === 'bank' ? scope.banks('t') : { sql: 'TRUE', params: {} };
    const rows = await this.rows<{ id: string }>(`SELECT t.id FROM ${what} t WHERE t.id = ANY(CAST(:ids AS uuid[])) AND ${scoped.sql}`, {
      ...scoped.params,
      ids: [...ids],
    });
    return rows.map((r) => r.id);
  }

  /** Regions by code (reference data, public), for import rows that name a region by its code. */
  async regionIdsByCode(): Promise<Map<string, string>> {
    const rows = await this.rows<{ id: string; code: string }>(`SELECT id, code FROM region`);
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** Which of the codes the institution's guarantees in scope already carry. */
  async existingCodes(scope: Scope, institutionId: string, codes: readonly string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const scoped = scope.guarantees('g');
    const rows = await this.rows<{ code: string }>(
      `SELECT g.code FROM guarantee g WHERE g.institution_id = :institution AND g.code = ANY(CAST(:codes AS varchar[])) AND ${scoped.sql}`,
      { ...scoped.params, institution: institutionId, codes: [...new Set(codes)] },
    );
    return new Set(rows.map((r) => r.code));
  }

  /** R1: each borrower's in-force (ACTIVE) guaranteed amount at the institution (read after the borrower rows are locked). */
  async inForceByBorrower(scope: Scope, institutionId: string, borrowerIds: readonly string[]): Promise<Map<string, Dec>> {
    if (!borrowerIds.length) return new Map();
    const scoped = scope.guarantees('g');
    const rows = await this.rows<{ borrowerId: string; total: string }>(
      `SELECT g.borrower_id AS "borrowerId", sum(g.guaranteed_amount) AS total FROM guarantee g
        WHERE g.institution_id = :institution AND g.borrower_id = ANY(CAST(:borrowers AS uuid[])) AND g.status = 'ACTIVE' AND ${scoped.sql}
        GROUP BY g.borrower_id`,
      { ...scoped.params, institution: institutionId, borrowers: [...borrowerIds] },
    );
    return new Map(rows.map((r) => [r.borrowerId, dec(r.total)]));
  }

  /**
   * The granted guarantees of one institution, in one statement: each with its guarantee_key row (the unique
   * (institution_id, code) of the partitioned table, migration GuaranteePartitions), in the order given.
   */
  insert(institutionId: string, rows: readonly GrantRow[]): Promise<GuaranteeRecord[]> {
    const col = <K extends keyof GrantRow>(k: K) => rows.map((r) => r[k]);
    return this.manager.query(
      `WITH r AS MATERIALIZED (
         SELECT gen_random_uuid() AS id, u.* FROM unnest($2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::varchar[], $8::numeric[],
                                                          $9::numeric[], $10::numeric[], $11::numeric[], $12::date[], $13::date[], $14::boolean[],
                                                          $15::boolean[]) WITH ORDINALITY
           AS u(code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate, bank_risk_share, start_on, end_on,
                small_agri, re_guaranteed, n)),
       k AS (INSERT INTO guarantee_key (id, institution_id, code) SELECT id, $1::uuid, code FROM r ORDER BY n)
       INSERT INTO guarantee AS g (id, institution_id, code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                   bank_risk_share, start_on, end_on, small_agri, re_guaranteed)
       SELECT id, $1::uuid, code, bank_id, agreement_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate, bank_risk_share,
              start_on, end_on, small_agri, re_guaranteed FROM r ORDER BY n
       RETURNING ${GUARANTEE_COLUMNS}`,
      [
        institutionId,
        col('code'),
        col('bankId'),
        col('agreementId'),
        col('borrowerId'),
        col('regionId'),
        col('kind'),
        col('loanAmount'),
        col('guaranteedAmount'),
        col('feeRate'),
        col('bankRiskShare'),
        col('startOn'),
        col('endOn'),
        col('smallAgri'),
        col('reGuaranteed'),
      ],
    );
  }
}
