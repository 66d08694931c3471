import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { countInAggregate, createAgreement, createBank, createGuarantee, createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { gql } from '../support/graphql';
import { testDataSource } from '../support/db';
import { waitForBlocked } from '../support/concurrency';

/**
 * Two submissions of one month in real concurrent, committed transactions (R13: a resubmission is a new
 * version). A gate transaction holds the institution's row until both submissions queue behind it, so they
 * always overlap: without the service's lock both would read the same max(version).
 */
const SUBMIT = `mutation ($institutionId: ID!, $month: String!) { submitMonthlyReport(institutionId: $institutionId, month: $month) { id version newAmount } }`;
const created: { institutionId: string; bankId: string }[] = [];

afterAll(async () => {
  const ds = await testDataSource();
  for (const { institutionId, bankId } of created) {
    await ds.query(`DELETE FROM report_notification WHERE report_id IN (SELECT id FROM monthly_report WHERE institution_id = $1)`, [
      institutionId,
    ]);
    await ds.query(`DELETE FROM monthly_report WHERE institution_id = $1`, [institutionId]);
    await ds.query(`DELETE FROM business_month_stats WHERE institution_id = $1`, [institutionId]);
    const borrowers = await ds.query(`SELECT borrower_id FROM guarantee WHERE institution_id = $1`, [institutionId]);
    await ds.query(`DELETE FROM guarantee WHERE institution_id = $1`, [institutionId]);
    await ds.query(`DELETE FROM borrower WHERE id = ANY($1)`, [borrowers.map((b: { borrower_id: string }) => b.borrower_id)]);
    await ds.query(`DELETE FROM cooperation_agreement WHERE institution_id = $1`, [institutionId]);
    await ds.query(`DELETE FROM bank WHERE id = $1`, [bankId]);
    await ds.query(`DELETE FROM guarantee_institution WHERE id = $1`, [institutionId]);
  }
});

describe('concurrent submissions of one month', () => {
  it('both succeed, as versions 1 and 2, each with its notification', async () => {
    const ds = await testDataSource();
    const institution = await createInstitution(ds.manager);
    const bank = await createBank(ds.manager);
    created.push({ institutionId: institution.id, bankId: bank.id });
    await createAgreement(ds.manager, { institutionId: institution.id, bankId: bank.id });
    await countInAggregate(
      ds.manager,
      await createGuarantee(
        ds.manager,
        { institutionId: institution.id, bankId: bank.id },
        { startOn: '2024-03-05', guaranteedAmount: '800000.00' },
      ),
    );
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });

    const gate = ds.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    let results;
    try {
      await gate.query(`SELECT 1 FROM guarantee_institution WHERE id = $1 FOR UPDATE`, [institution.id]);
      const runs = [1, 2].map(() =>
        gql<{ submitMonthlyReport: { id: string; version: number; newAmount: string } }>(ds.manager, owner, SUBMIT, {
          institutionId: institution.id,
          month: '2024-03',
        }),
      );
      await waitForBlocked(ds, 2);
      await gate.commitTransaction();
      results = await Promise.all(runs);
    } finally {
      if (gate.isTransactionActive) await gate.rollbackTransaction();
      await gate.release();
    }

    expect(results.map((r) => r.errors ?? [])).toEqual([[], []]);
    expect(results.map((r) => r.data!.submitMonthlyReport.version).sort()).toEqual([1, 2]);
    expect(results.map((r) => r.data!.submitMonthlyReport.newAmount)).toEqual(['800000.00', '800000.00']);
    const rows = await ds.query(
      `SELECT r.version, count(n.id)::int AS notified FROM monthly_report r LEFT JOIN report_notification n ON n.report_id = r.id
        WHERE r.institution_id = $1 GROUP BY r.version ORDER BY r.version`,
      [institution.id],
    );
    expect(rows).toEqual([
      { version: 1, notified: 1 },
      { version: 2, notified: 1 },
    ]);
  });
});
