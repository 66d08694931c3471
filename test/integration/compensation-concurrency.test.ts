import type { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { business, compensationInput, RECORD, type Business } from '../fixtures/compensation-fixtures';
import { codes, gql } from '../support/graphql';
import { testDataSource } from '../support/db';
import { waitForBlocked } from '../support/concurrency';

/**
 * Two compensations of one guarantee in real concurrent transactions (committed, so they truly contend).
 * A third transaction holds the guarantee row until both are queued behind it, so they always overlap.
 */
const created: Business[] = [];

async function race(ds: DataSource, b: Business, amounts: [string, string]) {
  const gate = ds.createQueryRunner();
  await gate.connect();
  await gate.startTransaction();
  try {
    await gate.query(`SELECT 1 FROM guarantee WHERE id = $1 FOR UPDATE`, [b.guarantee.id]);
    const runs = amounts.map((amount) => gql(ds.manager, b.owner, RECORD, { input: compensationInput(b.guarantee.id, { amount }) }));
    await waitForBlocked(ds, 2);
    await gate.commitTransaction();
    return await Promise.all(runs);
  } finally {
    if (gate.isTransactionActive) await gate.rollbackTransaction();
    await gate.release();
  }
}

async function state(ds: DataSource, b: Business) {
  const [row] = await ds.query(
    `SELECT g.status, g.compensated_amount, a.used_credit,
            (SELECT count(*)::int FROM compensation WHERE guarantee_id = g.id) AS compensations,
            (SELECT json_agg(json_build_object('r', released_amount::text, 'c', compensated_amount::text)) FROM business_month_stats WHERE institution_id = g.institution_id) AS stats
       FROM guarantee g JOIN cooperation_agreement a ON a.id = g.agreement_id WHERE g.id = $1`,
    [b.guarantee.id],
  );
  return row;
}

afterAll(async () => {
  const ds = await testDataSource();
  for (const b of created) {
    const ids = [b.institutionId];
    await ds.query(`DELETE FROM malicious_default_lead WHERE institution_id = ANY($1)`, [ids]);
    await ds.query(`DELETE FROM recovery WHERE compensation_id IN (SELECT id FROM compensation WHERE institution_id = ANY($1))`, [ids]);
    await ds.query(`DELETE FROM compensation WHERE institution_id = ANY($1)`, [ids]);
    await ds.query(`DELETE FROM business_month_stats WHERE institution_id = ANY($1)`, [ids]);
    await ds.query(`DELETE FROM guarantee WHERE institution_id = ANY($1)`, [ids]);
    await ds.query(`DELETE FROM borrower WHERE id = $1`, [b.guarantee.borrowerId]);
    await ds.query(`DELETE FROM cooperation_agreement WHERE institution_id = ANY($1)`, [ids]);
    await ds.query(`DELETE FROM bank WHERE id = $1`, [b.bankId]);
    await ds.query(`DELETE FROM guarantee_institution WHERE id = ANY($1)`, [ids]);
  }
});

describe('concurrent compensations of one guarantee', () => {
  it('cannot together exceed the guaranteed amount: one is accepted, the other is BAD_USER_INPUT amount', async () => {
    const ds = await testDataSource();
    const b = await business(ds.manager);
    created.push(b);
    const results = await race(ds, b, ['500000.00', '500000.00']);
    const outcomes = results.map((r) => (r.errors ? `${codes(r)[0]}:${r.errors[0].extensions?.field}` : 'ok')).sort();
    expect(outcomes).toEqual(['BAD_USER_INPUT:amount', 'ok']);
    expect(await state(ds, b)).toEqual({
      status: 'COMPENSATED',
      compensated_amount: '500000.00',
      used_credit: '0.00',
      compensations: 1,
      stats: [{ r: '800000.00', c: '500000.00' }],
    });
  });

  it('that both fit are both accepted; the guarantee is released and its credit freed once', async () => {
    const ds = await testDataSource();
    const b = await business(ds.manager);
    created.push(b);
    const results = await race(ds, b, ['400000.00', '400000.00']);
    expect(results.map((r) => r.errors ?? 'ok')).toEqual(['ok', 'ok']);
    expect(await state(ds, b)).toEqual({
      status: 'COMPENSATED',
      compensated_amount: '800000.00',
      used_credit: '0.00',
      compensations: 2,
      stats: [{ r: '800000.00', c: '800000.00' }],
    });
  });
});
