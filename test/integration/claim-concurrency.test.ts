import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { testDataSource } from '../support/db';
import { codes, gql } from '../support/graphql';
import { waitForBlocked } from '../support/concurrency';

/**
 * Two submissions of one institution's year in real concurrent transactions (committed). A third transaction
 * holds the claim table against inserts until both have passed their check for an open claim, so only the
 * table's unique partial index (uq_risk_claim_open, uq_fee_subsidy_claim_open) can stop the second: one
 * claim, one CONFLICT. The same for both kinds of claim, which share src/modules/claim/.
 */
const CLAIMS = [
  { kind: 'risk-compensation claims (实施意见（七）)', table: 'risk_compensation_claim', mutation: 'submitRiskCompensationClaim' },
  { kind: 'fee-subsidy claims (实施意见（八）, R8)', table: 'fee_subsidy_claim', mutation: 'submitFeeSubsidyClaim' },
] as const;
const created: string[] = [];

afterAll(async () => {
  const ds = await testDataSource();
  for (const { table } of CLAIMS) await ds.query(`DELETE FROM ${table} WHERE institution_id = ANY($1)`, [created]);
  await ds.query(`DELETE FROM guarantee_institution WHERE id = ANY($1)`, [created]);
});

describe.each(CLAIMS)('concurrent $kind: one open claim per institution and year', ({ table, mutation }) => {
  it('accept one and refuse the other with CONFLICT', async () => {
    const ds = await testDataSource();
    const inst = await createInstitution(ds.manager);
    created.push(inst.id);
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id });
    const year = Number(businessToday().slice(0, 4)) - 1;
    const submit = `mutation($institutionId: ID!, $year: Int!) { ${mutation}(institutionId: $institutionId, year: $year) { id } }`;

    const gate = ds.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    try {
      // EXCLUSIVE blocks INSERT (ROW EXCLUSIVE) but not the SELECT of the open-claim check.
      await gate.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
      const runs = [0, 1].map(() => gql(ds.manager, owner, submit, { institutionId: inst.id, year }));
      await waitForBlocked(ds, 2, 'the submissions');
      await gate.commitTransaction();
      const results = await Promise.all(runs);
      expect(results.map((r) => (r.errors ? codes(r)[0] : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    } finally {
      if (gate.isTransactionActive) await gate.rollbackTransaction();
      await gate.release();
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE institution_id = $1`, [inst.id]);
    expect(n).toBe(1);
  });
});
