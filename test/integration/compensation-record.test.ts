import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { createGuarantee } from '../fixtures/business';
import { RECORD, business, compensate, compensationInput, footprint } from '../fixtures/compensation-fixtures';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

/** Runs recordCompensation as `who`; expects it rejected with `code` (and `field`) and nothing written. */
async function rejected(
  m: Parameters<typeof footprint>[0],
  b: Awaited<ReturnType<typeof business>>,
  input: Record<string, unknown>,
  code: string,
  field?: string,
  who = b.owner,
) {
  const before = await footprint(m, b);
  const result = await gql(m, who, RECORD, { input });
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(await footprint(m, b)).toEqual(before);
}

function tomorrow(): string {
  const d = new Date(`${businessToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('recordCompensation (代偿)', () => {
  it('compensates an ACTIVE guarantee: COMPENSATED on the payment day, credit line freed, month aggregate counts released and compensated (R7)', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const c = await compensate(m, b, { amount: '300000.00', paidOn: '2024-06-15' });
      expect(c).toMatchObject({ amount: '300000.00', paidOn: '2024-06-15', recoveredAmount: '0.00', suspectedMalicious: false });
      const [g] = await m.query(`SELECT status, released_on, compensated_amount FROM guarantee WHERE id = $1`, [b.guarantee.id]);
      expect(g).toEqual({ status: 'COMPENSATED', released_on: '2024-06-15', compensated_amount: '300000.00' });
      const [a] = await m.query(`SELECT used_credit FROM cooperation_agreement WHERE id = $1`, [b.agreementId]);
      expect(a.used_credit).toBe('0.00');
      const stats = await m.query(
        `SELECT month::text, bank_id, region_id, released_amount, compensated_amount FROM business_month_stats WHERE institution_id = $1`,
        [b.institutionId],
      );
      expect(stats).toEqual([
        {
          month: '2024-06-01',
          bank_id: b.bankId,
          region_id: b.guarantee.regionId,
          released_amount: '800000.00',
          compensated_amount: '300000.00',
        },
      ]);
      expect(await m.query(`SELECT count(*)::int AS n FROM malicious_default_lead WHERE institution_id = $1`, [b.institutionId])).toEqual([
        { n: 0 },
      ]);
    });
  });

  it('a later compensation adds to the amount but neither releases the guarantee nor frees credit again', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await compensate(m, b, { amount: '300000.00', paidOn: '2024-06-15' });
      await compensate(m, b, { amount: '100000.50', paidOn: '2024-07-02' });
      const [g] = await m.query(`SELECT status, released_on, compensated_amount FROM guarantee WHERE id = $1`, [b.guarantee.id]);
      expect(g).toEqual({ status: 'COMPENSATED', released_on: '2024-06-15', compensated_amount: '400000.50' });
      const [a] = await m.query(`SELECT used_credit FROM cooperation_agreement WHERE id = $1`, [b.agreementId]);
      expect(a.used_credit).toBe('0.00');
      const stats = await m.query(
        `SELECT month::text, released_amount, compensated_amount FROM business_month_stats WHERE institution_id = $1 ORDER BY month`,
        [b.institutionId],
      );
      expect(stats).toEqual([
        { month: '2024-06-01', released_amount: '800000.00', compensated_amount: '300000.00' },
        { month: '2024-07-01', released_amount: '0.00', compensated_amount: '100000.50' },
      ]);
    });
  });

  it('a guarantee outside any agreement is compensated without touching an agreement', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const free = await createGuarantee(
        m,
        { institutionId: b.institutionId, bankId: b.bankId },
        { guaranteedAmount: '50000.00', loanAmount: '50000.00' },
      );
      ok(await gql(m, b.owner, RECORD, { input: compensationInput(free.id, { amount: '50000.00' }) }));
      const [a] = await m.query(`SELECT used_credit FROM cooperation_agreement WHERE id = $1`, [b.agreementId]);
      expect(a.used_credit).toBe('800000.00');
    });
  });

  it('accepts exactly the guaranteed amount less earlier compensations; one fen more is BAD_USER_INPUT', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await compensate(m, b, { amount: '300000.00' });
      await rejected(m, b, compensationInput(b.guarantee.id, { amount: '500000.01' }), 'BAD_USER_INPUT', 'amount');
      await compensate(m, b, { amount: '500000.00' });
      await rejected(m, b, compensationInput(b.guarantee.id, { amount: '0.01' }), 'BAD_USER_INPUT', 'amount');
      const [g] = await m.query(`SELECT compensated_amount FROM guarantee WHERE id = $1`, [b.guarantee.id]);
      expect(g.compensated_amount).toBe('800000.00');
    });
  });

  it('a first compensation above the guaranteed amount is BAD_USER_INPUT, nothing written', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { amount: '800000.01' }), 'BAD_USER_INPUT', 'amount');
      await compensate(m, b, { amount: '800000.00' });
    });
  });

  it.each([
    ['zero', '0'],
    ['zero with places', '0.00'],
    ['negative', '-1.00'],
    ['three decimal places', '100.001'],
  ])('rejects a %s amount (BAD_USER_INPUT amount, nothing written)', async (_name, amount) => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { amount }), 'BAD_USER_INPUT', 'amount');
      await compensate(m, b, { amount: '0.01' });
    });
  });

  it('rejects an amount that is not a decimal string (the scalar) and writes nothing', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { amount: 1000 }), 'BAD_USER_INPUT', 'amount');
      await rejected(m, b, compensationInput(b.guarantee.id, { amount: '1e3' }), 'BAD_USER_INPUT', 'amount');
    });
  });

  it('pays on or after the start day, never before it', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { paidOn: '2024-02-29' }), 'BAD_USER_INPUT', 'paidOn');
      await compensate(m, b, { paidOn: '2024-03-01' });
      const [g] = await m.query(`SELECT released_on FROM guarantee WHERE id = $1`, [b.guarantee.id]);
      expect(g.released_on).toBe('2024-03-01');
    });
  });

  it('pays today (Asia/Shanghai) at the latest, never tomorrow', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { paidOn: tomorrow() }), 'BAD_USER_INPUT', 'paidOn');
      await compensate(m, b, { paidOn: businessToday() });
    });
  });

  it('rejects an impossible date through the Date scalar', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { paidOn: '2024-02-30' }), 'BAD_USER_INPUT');
    });
  });

  it('a RELEASED (repaid) guarantee cannot be compensated: CONFLICT, nothing written', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const repaid = await createGuarantee(
        m,
        { institutionId: b.institutionId, bankId: b.bankId },
        { status: 'RELEASED', releasedOn: '2024-05-01' },
      );
      await rejected(m, b, compensationInput(repaid.id), 'CONFLICT');
    });
  });

  it("another institution's guarantee is NOT_FOUND, as is an id that names nothing", async () => {
    await inRollback(async (m) => {
      const mine = await business(m);
      const theirs = await business(m);
      await rejected(m, theirs, compensationInput(theirs.guarantee.id), 'NOT_FOUND', undefined, mine.owner);
      await rejected(m, mine, compensationInput('00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
      await rejected(m, mine, compensationInput('not-an-id'), 'NOT_FOUND');
      await compensate(m, theirs);
    });
  });

  it.each([Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.BANK, Role.PUBLIC_SECURITY, Role.HOLDING_GROUP, Role.ADMIN])(
    'is FORBIDDEN to %s',
    async (role) => {
      await inRollback(async (m) => {
        const b = await business(m, { inHoldingGroup: true });
        await rejected(
          m,
          b,
          compensationInput(b.guarantee.id),
          'FORBIDDEN',
          undefined,
          viewer(role, { institutionId: b.institutionId, bankId: b.bankId }),
        );
      });
    },
  );

  it('is UNAUTHENTICATED without a viewer', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const before = await footprint(m, b);
      expect(codes(await gql(m, null, RECORD, { input: compensationInput(b.guarantee.id) }))).toEqual(['UNAUTHENTICATED']);
      expect(await footprint(m, b)).toEqual(before);
    });
  });
});

describe('recordCompensation flagged as suspected malicious evasion (R12)', () => {
  it('opens a PENDING_REVIEW lead with the trimmed evidence in the same write', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const c = await compensate(m, b, { suspectedMalicious: true, evidence: '  借款人转移资产后失联  ' });
      expect(c.suspectedMalicious).toBe(true);
      const leads = await m.query(
        `SELECT institution_id, status, evidence, transferred_at FROM malicious_default_lead WHERE compensation_id = $1`,
        [c.id],
      );
      expect(leads).toEqual([
        { institution_id: b.institutionId, status: 'PENDING_REVIEW', evidence: '借款人转移资产后失联', transferred_at: null },
      ]);
    });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['blank', '  \t '],
  ])('needs evidence: %s evidence is BAD_USER_INPUT evidence, nothing written', async (_name, evidence) => {
    await inRollback(async (m) => {
      const b = await business(m);
      await rejected(m, b, compensationInput(b.guarantee.id, { suspectedMalicious: true, evidence }), 'BAD_USER_INPUT', 'evidence');
    });
  });

  it('an unflagged compensation opens no lead even with a note', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      await compensate(m, b, { suspectedMalicious: false, evidence: '仅备注' });
      expect(await m.query(`SELECT count(*)::int AS n FROM malicious_default_lead WHERE institution_id = $1`, [b.institutionId])).toEqual([
        { n: 0 },
      ]);
    });
  });
});
