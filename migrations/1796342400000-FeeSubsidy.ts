import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R8 担保费补贴 (实施意见（八）, 聊财金〔2023〕14号): a guarantee carries whether it is 纳入省再担保 (false for every
 * guarantee recorded before the flag existed); each department that decides a fee-subsidy claim keeps its own note
 * (the single decision_note was never written); and a claim freezes the guarantees it counted at submission, so its
 * listing keeps matching its totals whatever the guarantees' flags do later.
 */
export class FeeSubsidy1796342400000 implements MigrationInterface {
  name = 'FeeSubsidy1796342400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE guarantee ADD COLUMN re_guaranteed boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE fee_subsidy_claim DROP COLUMN decision_note, ADD COLUMN industry_note text, ADD COLUMN finance_note text`);
    await q.query(`
      CREATE TABLE fee_subsidy_claim_guarantee (
        claim_id uuid NOT NULL REFERENCES fee_subsidy_claim(id),
        guarantee_id uuid NOT NULL REFERENCES guarantee(id),
        PRIMARY KEY (claim_id, guarantee_id)
      )`);
    await q.query(`CREATE INDEX ix_fee_subsidy_claim_guarantee_guarantee ON fee_subsidy_claim_guarantee(guarantee_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fee_subsidy_claim_guarantee`);
    await q.query(`ALTER TABLE fee_subsidy_claim DROP COLUMN industry_note, DROP COLUMN finance_note, ADD COLUMN decision_note text`);
    await q.query(`ALTER TABLE guarantee DROP COLUMN re_guaranteed`);
  }
}
