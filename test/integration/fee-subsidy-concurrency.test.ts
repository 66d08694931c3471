import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { testDataSource } from '../support/db';
import { codes, gql } from '../support/graphql';
import { waitForBlocked } from '../support/concurrency';

/**
 * Two submissions of one institution's fee-subsidy year in real concurrent transactions (committed), run with
 * Promise.all. A third transaction holds fee_subsidy_claim against inserts until both have passed their check for an
 * open claim, so only the unique partial index uq_fee_subsidy_claim_open can stop the second: one claim, one CONFLICT.
 */
const SUBMIT = `mutation($institutionId: ID!, $year: Int!) { submitFeeSubsidyClaim(institutionId: $institutionId, year: $year) { id } }`;
const created: string[] = [];

afterAll(async () => {
  const ds = await testDataSource();
  await ds.query(`DELETE FROM fee_subsidy_claim WHERE institution_id = ANY($1)`, [created]);
  await ds.query(`DELETE FROM guarantee_institution WHERE id = ANY($1)`, [created]);
});

describe('concurrent fee-subsidy claims (R8: one open claim per institution and year)', () => {
  it('accept one and refuse the other with CONFLICT', async () => {
    const ds = await testDataSource();
    const inst = await createInstitution(ds.manager);
    created.push(inst.id);
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id });
    const year = Number(businessToday().slice(0, 4)) - 1;

    const gate = ds.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    try {
      // EXCLUSIVE blocks INSERT (ROW EXCLUSIVE) but not the SELECT of the open-claim check.
      await gate.query(`LOCK TABLE fee_subsidy_claim IN EXCLUSIVE MODE`);
      const runs = Promise.all([0, 1].map(() => gql(ds.manager, owner, SUBMIT, { institutionId: inst.id, year })));
      await waitForBlocked(ds, 2, 'the submissions');
      await gate.commitTransaction();
      const results = await runs;
      expect(results.map((r) => (r.errors ? codes(r)[0] : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    } finally {
      if (gate.isTransactionActive) await gate.rollbackTransaction();
      await gate.release();
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM fee_subsidy_claim WHERE institution_id = $1`, [inst.id]);
    expect(n).toBe(1);
  });
});
