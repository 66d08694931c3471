import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R14: the numbers the December rules added to a parameter version (R8's re-guarantee condition, R16's
 * concentration share, R13/R18's report due day), with the values in force since 2023. R7/R8: the date a
 * claim was paid, and who recorded it.
 */
export class PolicyVersionsAndPayments1796256000000 implements MigrationInterface {
  name = 'PolicyVersionsAndPayments1796256000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy_parameter_set
        ADD COLUMN fee_subsidy_requires_re_guarantee boolean NOT NULL DEFAULT true,
        ADD COLUMN max_single_borrower_share numeric(9,6) NOT NULL DEFAULT 0.100000
          CHECK (max_single_borrower_share > 0 AND max_single_borrower_share <= 1),
        ADD COLUMN report_due_day int NOT NULL DEFAULT 10 CHECK (report_due_day BETWEEN 1 AND 28)`);
    for (const table of ['risk_compensation_claim', 'fee_subsidy_claim']) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN paid_on date,
          ADD COLUMN paid_by text,
          ADD CONSTRAINT ck_${table}_paid CHECK ((status = 'PAID') = (paid_on IS NOT NULL))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['risk_compensation_claim', 'fee_subsidy_claim']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ck_${table}_paid, DROP COLUMN paid_on, DROP COLUMN paid_by`);
    }
    await q.query(`
      ALTER TABLE policy_parameter_set
        DROP COLUMN fee_subsidy_requires_re_guarantee, DROP COLUMN max_single_borrower_share, DROP COLUMN report_due_day`);
  }
}
