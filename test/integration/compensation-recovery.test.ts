import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { business, compensate, footprint, type Business } from '../fixtures/compensation-fixtures';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

const RECOVER = `mutation ($id: ID!, $amount: Decimal!, $on: Date!) {
  recordRecovery(compensationId: $id, amount: $amount, recoveredOn: $on) { id amount recoveredAmount }
}`;

type Manager = Parameters<typeof footprint>[0];

async function recover(m: Manager, b: Business, id: string, amount: string, on = '2024-08-01') {
  return ok(await gql<{ recordRecovery: { id: string; amount: string; recoveredAmount: string } }>(m, b.owner, RECOVER, { id, amount, on }))
    .recordRecovery;
}

async function rejected(
  m: Manager,
  b: Business,
  vars: { id: string; amount: string | number; on: string },
  code: string,
  field?: string,
  who = b.owner,
) {
  const before = await footprint(m, b);
  const result = await gql(m, who, RECOVER, vars);
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(await footprint(m, b)).toEqual(before);
}

describe('recordRecovery (追偿)', () => {
  it("keeps the compensation's recovered amount current, up to exactly the compensated amount", async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const c = await compensate(m, b, { amount: '300000.00', paidOn: '2024-06-15' });
      expect(await recover(m, b, c.id, '100000.25')).toEqual({ id: c.id, amount: '300000.00', recoveredAmount: '100000.25' });
      expect((await recover(m, b, c.id, '199999.75', '2024-06-15')).recoveredAmount).toBe('300000.00');
      const rows = await m.query(`SELECT amount, recovered_on FROM recovery WHERE compensation_id = $1 ORDER BY recovered_on DESC`, [c.id]);
      expect(rows).toEqual([
        { amount: '100000.25', recovered_on: '2024-08-01' },
        { amount: '199999.75', recovered_on: '2024-06-15' },
      ]);
    });
  });

  it('never recovers more than was compensated: one fen over is BAD_USER_INPUT amount, nothing written', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const c = await compensate(m, b, { amount: '300000.00' });
      await rejected(m, b, { id: c.id, amount: '300000.01', on: '2024-08-01' }, 'BAD_USER_INPUT', 'amount');
      await recover(m, b, c.id, '299999.99');
      await rejected(m, b, { id: c.id, amount: '0.02', on: '2024-08-01' }, 'BAD_USER_INPUT', 'amount');
      expect((await recover(m, b, c.id, '0.01')).recoveredAmount).toBe('300000.00');
    });
  });

  it.each([['0'], ['-5.00'], ['1.005']])('rejects amount %s (BAD_USER_INPUT amount, nothing written)', async (amount) => {
    await inRollback(async (m) => {
      const b = await business(m);
      const c = await compensate(m, b);
      await rejected(m, b, { id: c.id, amount, on: '2024-08-01' }, 'BAD_USER_INPUT', 'amount');
    });
  });

  it('is recovered on or after the compensation day and not in the future', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const c = await compensate(m, b, { paidOn: '2024-06-15' });
      await rejected(m, b, { id: c.id, amount: '1.00', on: '2024-06-14' }, 'BAD_USER_INPUT', 'recoveredOn');
      await rejected(m, b, { id: c.id, amount: '1.00', on: '2999-01-01' }, 'BAD_USER_INPUT', 'recoveredOn');
      await recover(m, b, c.id, '1.00', '2024-06-15');
      await recover(m, b, c.id, '1.00', businessToday());
    });
  });

  it("another institution's compensation is NOT_FOUND, as is an id that names nothing", async () => {
    await inRollback(async (m) => {
      const mine = await business(m);
      const theirs = await business(m);
      const c = await compensate(m, theirs);
      await rejected(m, theirs, { id: c.id, amount: '1.00', on: '2024-08-01' }, 'NOT_FOUND', undefined, mine.owner);
      await rejected(m, mine, { id: '00000000-0000-4000-8000-000000000000', amount: '1.00', on: '2024-08-01' }, 'NOT_FOUND');
      await rejected(m, mine, { id: 'x', amount: '1.00', on: '2024-08-01' }, 'NOT_FOUND');
    });
  });

  it.each([Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.PUBLIC_SECURITY, Role.HOLDING_GROUP, Role.BANK])(
    'is FORBIDDEN to %s',
    async (role) => {
      await inRollback(async (m) => {
        const b = await business(m, { inHoldingGroup: true });
        const c = await compensate(m, b);
        await rejected(
          m,
          b,
          { id: c.id, amount: '1.00', on: '2024-08-01' },
          'FORBIDDEN',
          undefined,
          viewer(role, { institutionId: b.institutionId, bankId: b.bankId }),
        );
      });
    },
  );
});
