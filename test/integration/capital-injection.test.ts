import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { countRows, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

const RECORD = `mutation($input: CapitalInjectionInput!) {
  recordCapitalInjection(input: $input) { id amount source form injectedOn institution { id name } }
}`;
const LIST = `query($institutionId: ID) { capitalInjections(institutionId: $institutionId) { id amount form institution { id } } }`;

const finance = viewer(Role.FINANCE);

async function capital(m: EntityManager, institutionId: string) {
  const [row] = await m.query(`SELECT paid_in_capital, net_assets FROM guarantee_institution WHERE id = $1`, [institutionId]);
  return row as { paid_in_capital: string; net_assets: string };
}

function input(institutionId: string, overrides: Record<string, unknown> = {}) {
  return {
    institutionId,
    amount: '50000000.00',
    source: 'GOVERNMENT',
    form: 'EQUITY',
    injectedOn: '2024-06-30',
    basis: 'GROWTH',
    ...overrides,
  };
}

/** Expects the call rejected with `code` (and `field`), and neither an injection nor a capital change written. */
async function rejected(
  m: EntityManager,
  who: ReturnType<typeof viewer>,
  institutionId: string,
  overrides: Record<string, unknown>,
  code: string,
  field?: string,
) {
  const before = await capital(m, institutionId);
  const result = await gql(m, who, RECORD, { input: input(institutionId, overrides) });
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(await capital(m, institutionId)).toEqual(before);
  expect(await countRows(m, 'capital_injection', 'institution_id = $1', [institutionId])).toBe(0);
}

describe('recordCapitalInjection (实施意见（六）动态资本金补充, R10)', () => {
  it('an equity injection (出资入股) raises paid-in capital and net assets in the same write', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m, { netAssets: '900000000.00' });
      const { recordCapitalInjection: c } = ok(await gql(m, finance, RECORD, { input: input(inst.id, { amount: '50000000.25' }) }));
      expect(c).toMatchObject({
        amount: '50000000.25',
        source: 'GOVERNMENT',
        form: 'EQUITY',
        injectedOn: '2024-06-30',
        institution: { id: inst.id, name: inst.name },
      });
      expect(await capital(m, inst.id)).toEqual({ paid_in_capital: '1050000000.25', net_assets: '950000000.25' });
      const [row] = await m.query(`SELECT basis, recorded_by FROM capital_injection WHERE id = $1`, [c.id]);
      expect(row).toEqual({ basis: 'GROWTH', recorded_by: 'test-finance' });
    });
  });

  it('a donation (无偿捐资) raises net assets only; basis may be omitted', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      ok(
        await gql(m, finance, RECORD, {
          input: input(inst.id, { form: 'DONATION', source: 'SOCIAL_ORGANIZATION', amount: '1000.00', basis: null }),
        }),
      );
      expect(await capital(m, inst.id)).toEqual({ paid_in_capital: '1000000000.00', net_assets: '1000001000.00' });
      const [row] = await m.query(`SELECT basis FROM capital_injection WHERE institution_id = $1`, [inst.id]);
      expect(row.basis).toBeNull();
    });
  });

  it("a county government records for its own region's institutions; another region's is NOT_FOUND", async () => {
    await inRollback(async (m) => {
      const home = await regionId(m, '371502');
      const away = await regionId(m, '371521');
      const own = await createInstitution(m, { level: 'COUNTY', regionId: home });
      const other = await createInstitution(m, { level: 'COUNTY', regionId: away });
      const county = viewer(Role.LOCAL_GOVERNMENT, { regionId: home });
      ok(await gql(m, county, RECORD, { input: input(own.id, { basis: 'COMPENSATION' }) }));
      expect(await countRows(m, 'capital_injection', 'institution_id = $1', [own.id])).toBe(1);
      await rejected(m, county, other.id, {}, 'NOT_FOUND');
      await rejected(m, viewer(Role.FINANCE, { regionId: home }), other.id, {}, 'NOT_FOUND');
    });
  });

  it('other roles are FORBIDDEN; an unknown institution is NOT_FOUND', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      for (const role of [Role.SASAC, Role.INDUSTRY, Role.TASK_FORCE_OFFICE, Role.HOLDING_GROUP])
        await rejected(m, viewer(role), inst.id, {}, 'FORBIDDEN');
      await rejected(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id }), inst.id, {}, 'FORBIDDEN');
      const result = await gql(m, finance, RECORD, { input: input('9d6c3c1e-0000-4000-8000-000000000000') });
      expect(codes(result)).toEqual(['NOT_FOUND']);
    });
  });

  it.each([
    [{ amount: '0.00' }, 'amount'],
    [{ amount: '-5.00' }, 'amount'],
    [{ amount: '10.001' }, 'amount'],
    [{ injectedOn: '2024-02-30' }, 'injectedOn'],
    [{ basis: 'BONUS' }, 'basis'],
    [{ basis: '' }, 'basis'],
  ])('bad input %j is BAD_USER_INPUT on %s, nothing written', async (overrides, field) => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      await rejected(m, finance, inst.id, overrides, 'BAD_USER_INPUT', field);
    });
  });

  it('injectedOn may be today (Asia/Shanghai) but not tomorrow', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m);
      const today = businessToday();
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      await rejected(m, finance, inst.id, { injectedOn: d.toISOString().slice(0, 10) }, 'BAD_USER_INPUT', 'injectedOn');
      ok(await gql(m, finance, RECORD, { input: input(inst.id, { injectedOn: today }) }));
    });
  });
});

describe('capitalInjections', () => {
  it("each reader sees the injections of its scope: the institution its own, a county its region's", async () => {
    await inRollback(async (m) => {
      const home = await regionId(m, '371502');
      const a = await createInstitution(m, { regionId: home });
      const b = await createInstitution(m, { regionId: await regionId(m, '371521') });
      const ia = ok(await gql(m, finance, RECORD, { input: input(a.id) })).recordCapitalInjection.id;
      const ib = ok(await gql(m, finance, RECORD, { input: input(b.id, { form: 'DONATION' }) })).recordCapitalInjection.id;
      const ids = (r: any) => r.capitalInjections.map((c: { id: string }) => c.id).sort();
      expect(ids(ok(await gql(m, finance, LIST, { institutionId: a.id })))).toEqual([ia]);
      const all = ids(ok(await gql(m, finance, LIST)));
      expect(all).toEqual(expect.arrayContaining([ia, ib]));
      expect(ids(ok(await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: a.id }), LIST)))).toEqual([ia]);
      const county = ok(await gql(m, viewer(Role.LOCAL_GOVERNMENT, { regionId: home }), LIST));
      expect(ids(county)).toContain(ia);
      expect(ids(county)).not.toContain(ib);
      expect(ok(await gql(m, viewer(Role.LOCAL_GOVERNMENT, { regionId: home }), LIST, { institutionId: b.id })).capitalInjections).toEqual(
        [],
      );
      expect(ok(await gql(m, finance, LIST, { institutionId: 'not-a-uuid' })).capitalInjections).toEqual([]);
      expect(codes(await gql(m, viewer(Role.BANK, { bankId: a.id }), LIST))).toEqual(['FORBIDDEN']);
    });
  });
});
