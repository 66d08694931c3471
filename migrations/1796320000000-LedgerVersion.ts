import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: the dashboard's answers are cached per process, keyed by scope, filter and a data version. The version
 * is a counter per institution that every write of the monthly aggregate bumps in its own transaction
 * (LedgerRepo), so the next read after a commit sees a new version and recomputes. A counter per institution, not
 * one for the city, so that writers of different institutions never wait for each other on it.
 */
export class LedgerVersion1796320000000 implements MigrationInterface {
  name = 'LedgerVersion1796320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_version (
        institution_id uuid PRIMARY KEY REFERENCES guarantee_institution(id) ON DELETE CASCADE,
        version bigint NOT NULL CHECK (version > 0)
      )`);
    // Existing business counts as one version of each institution that has any.
    await q.query(`INSERT INTO ledger_version (institution_id, version) SELECT DISTINCT institution_id, 1 FROM business_month_stats`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_version`);
  }
}
