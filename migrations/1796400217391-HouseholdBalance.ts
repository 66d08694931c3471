import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: R17's warnings and R18's list read the in-force balances from maintained figures, not from a scan
 * of the guarantee table (~7 s at 10^6 guarantees).
 *
 * - household_balance: per institution and borrower, the guaranteed amount of its open guarantees (status
 *   ACTIVE, i.e. released_on IS NULL, whatever their start date), split LOAN / other kinds, with its 支小支农
 *   part and the borrower's kind. A row exists only while something is open.
 * - ledger_version (the per-institution row every ledger write already locks first) gains the institution's
 *   open totals: all, 支小支农, and LOAN balances of small/micro and of farmer borrowers (R9's 75% classes).
 * - Two covering indexes find the guarantees whose force on a past date differs from "open now": open ones
 *   started after it, and ones released after it.
 *
 * The write paths keep both in the grant's, release's or compensation's transaction (ledger.balances.ts).
 * Borrower kinds of R9's classes as in evaluation.calc.ts (SMALL_MICRO, FARMERS), written out here because a
 * migration is fixed text.
 */
export class HouseholdBalance1796400217391 implements MigrationInterface {
  name = 'HouseholdBalance1796400217391';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE household_balance (
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id) ON DELETE CASCADE,
        borrower_id uuid NOT NULL REFERENCES borrower(id) ON DELETE CASCADE,
        borrower_kind varchar(32) NOT NULL,
        loan_balance numeric(24,2) NOT NULL CHECK (loan_balance >= 0),
        other_balance numeric(24,2) NOT NULL CHECK (other_balance >= 0),
        small_agri_balance numeric(24,2) NOT NULL CHECK (small_agri_balance >= 0),
        balance numeric(24,2) GENERATED ALWAYS AS (loan_balance + other_balance) STORED,
        PRIMARY KEY (institution_id, borrower_id),
        CHECK (small_agri_balance <= loan_balance + other_balance)
      )`);
    // R16: the largest household of an institution is the first entry.
    await q.query(`CREATE INDEX ix_household_balance_largest ON household_balance(institution_id, balance DESC)`);
    // R9: the LOAN balances of a class above its bound (few rows) are a range at the end.
    await q.query(`CREATE INDEX ix_household_balance_loan ON household_balance(institution_id, borrower_kind, loan_balance)`);
    await q.query(`CREATE INDEX ix_household_balance_borrower ON household_balance(borrower_id)`);

    for (const column of ['open_balance', 'open_small_agri', 'open_small_micro_loan', 'open_farmer_loan'])
      await q.query(`ALTER TABLE ledger_version ADD COLUMN ${column} numeric(24,2) NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE INDEX ix_guarantee_open_start ON guarantee(start_on)
        INCLUDE (institution_id, borrower_id, kind, small_agri, guaranteed_amount) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE INDEX ix_guarantee_released_on ON guarantee(released_on)
        INCLUDE (start_on, institution_id, borrower_id, kind, small_agri, guaranteed_amount) WHERE released_on IS NOT NULL`);

    await q.query(`
      INSERT INTO household_balance (institution_id, borrower_id, borrower_kind, loan_balance, other_balance, small_agri_balance)
      SELECT g.institution_id, g.borrower_id, b.kind,
             coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.kind = 'LOAN'), 0),
             coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.kind <> 'LOAN'), 0),
             coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0)
        FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
       WHERE g.status = 'ACTIVE'
       GROUP BY g.institution_id, g.borrower_id, b.kind`);
    await q.query(`
      INSERT INTO ledger_version AS v (institution_id, version, open_balance, open_small_agri, open_small_micro_loan, open_farmer_loan)
      SELECT h.institution_id, 1, sum(h.balance), sum(h.small_agri_balance),
             coalesce(sum(h.loan_balance) FILTER (WHERE h.borrower_kind IN ('SMALL_ENTERPRISE', 'MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS')), 0),
             coalesce(sum(h.loan_balance) FILTER (WHERE h.borrower_kind = 'FARMER'), 0)
        FROM household_balance h GROUP BY h.institution_id
      ON CONFLICT (institution_id) DO UPDATE SET
        open_balance = EXCLUDED.open_balance, open_small_agri = EXCLUDED.open_small_agri,
        open_small_micro_loan = EXCLUDED.open_small_micro_loan, open_farmer_loan = EXCLUDED.open_farmer_loan`);
    // Planner statistics for the first reads (VACUUM, which also lets index-only scans skip the heap, cannot run here).
    await q.query(`ANALYZE household_balance`);
    await q.query(`ANALYZE ledger_version`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_guarantee_released_on`);
    await q.query(`DROP INDEX ix_guarantee_open_start`);
    for (const column of ['open_balance', 'open_small_agri', 'open_small_micro_loan', 'open_farmer_loan'])
      await q.query(`ALTER TABLE ledger_version DROP COLUMN ${column}`);
    await q.query(`DROP TABLE household_balance`);
  }
}
