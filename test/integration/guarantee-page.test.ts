import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { maskIdentifier } from '../../src/access/mask';
import {
  countInAggregate,
  createBank,
  createBorrower,
  createGuarantee as insertGuarantee,
  createInstitution,
  regionId,
  validResidentId,
} from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

const PAGE = `query ($filter: GuaranteeFilter, $first: Int, $after: String) {
  guarantees(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code startOn } }
  }
}`;

/** A fixture guarantee counted in the monthly aggregate, as every real grant is: totalCount reads it. */
const createGuarantee = async (...args: Parameters<typeof insertGuarantee>) => countInAggregate(args[0], await insertGuarantee(...args));

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; code: string; startOn: string } }[];
}

async function page(m: EntityManager, v: ReturnType<typeof viewer>, vars: Record<string, unknown>): Promise<Page> {
  return ok(await gql<{ guarantees: Page }>(m, v, PAGE, vars)).guarantees;
}

/** Every page, following endCursor. */
async function walk(m: EntityManager, v: ReturnType<typeof viewer>, filter: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p: Page = await page(m, v, { filter, first, after });
    ids.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) return ids;
    after = p.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

describe('guarantees: a Relay connection, newest start first', () => {
  it('pages through every guarantee once, in (startOn DESC, id DESC) order, ties included', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      const refs = { institutionId: institution.id, bankId: bank.id };
      const days = ['2024-01-05', '2024-03-01', '2024-03-01', '2024-03-01', '2023-12-31', '2024-07-20', '2024-03-01'];
      const made = [];
      for (const startOn of days) made.push(await createGuarantee(m, refs, { startOn, endOn: '2025-12-31' }));
      const expected = [...made].sort((a, b) => b.startOn.localeCompare(a.startOn) || (b.id < a.id ? -1 : 1)).map((g) => g.id);
      const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
      for (const first of [1, 3, 7, 50]) expect(await walk(m, owner, {}, first)).toEqual(expected);
      const p = await page(m, owner, { first: 3 });
      expect([p.totalCount, p.edges.length, p.pageInfo.hasNextPage, p.pageInfo.endCursor]).toEqual([7, 3, true, p.edges[2].cursor]);
    });
  });

  it('keeps its place when guarantees are added between pages (keyset cursor)', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      const refs = { institutionId: institution.id, bankId: bank.id };
      const made = [];
      for (const startOn of ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'])
        made.push(await createGuarantee(m, refs, { startOn }));
      const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
      const first = await page(m, owner, { first: 2 });
      expect(first.edges.map((e) => e.node.startOn)).toEqual(['2024-04-01', '2024-03-01']);
      const newer = await createGuarantee(m, refs, { startOn: '2024-05-01' });
      const older = await createGuarantee(m, refs, { startOn: '2023-06-01' });
      const rest = await page(m, owner, { first: 10, after: first.pageInfo.endCursor });
      expect(rest.edges.map((e) => e.node.id)).toEqual([made[1].id, made[0].id, older.id]);
      expect(rest.edges.map((e) => e.node.id)).not.toContain(newer.id);
    });
  });

  it('applies every filter, bounds inclusive, with totalCount of the filtered set', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const [x, y] = [await createBank(m), await createBank(m)];
      const shen = await regionId(m, '371522');
      const a = await createGuarantee(m, { institutionId: institution.id, bankId: x.id }, { startOn: '2024-01-01', smallAgri: true });
      const b = await createGuarantee(
        m,
        { institutionId: institution.id, bankId: y.id },
        { startOn: '2024-02-01', smallAgri: false, regionId: shen },
      );
      const c = await createGuarantee(
        m,
        { institutionId: institution.id, bankId: x.id },
        { startOn: '2024-03-01', status: 'RELEASED', releasedOn: '2024-06-01' },
      );
      const other = await createGuarantee(m, { institutionId: (await createInstitution(m)).id, bankId: x.id }, { startOn: '2024-02-01' });
      const finance = viewer(Role.FINANCE);
      const ids = async (filter: Record<string, unknown>) => {
        const p = await page(m, finance, { filter: { institutionId: institution.id, ...filter } });
        expect(p.totalCount).toBe(p.edges.length);
        return p.edges.map((e) => e.node.id);
      };
      expect(await ids({})).toEqual([c.id, b.id, a.id]);
      expect(await ids({ bankId: x.id })).toEqual([c.id, a.id]);
      expect(await ids({ regionId: shen })).toEqual([b.id]);
      expect(await ids({ status: 'RELEASED' })).toEqual([c.id]);
      expect(await ids({ status: 'ACTIVE', smallAgri: true })).toEqual([a.id]);
      expect(await ids({ smallAgri: false })).toEqual([b.id]);
      // Counted from the aggregate (no status, whole months): its 支小支农 column, not every new guarantee.
      expect(await ids({ smallAgri: true })).toEqual([c.id, a.id]);
      expect(await ids({ startOnFrom: '2024-01-01', startOnTo: '2024-02-29', smallAgri: true })).toEqual([a.id]);
      expect(await ids({ startOnFrom: '2024-02-01', startOnTo: '2024-03-01' })).toEqual([c.id, b.id]);
      expect(await ids({ startOnFrom: '2024-01-02', startOnTo: '2024-02-29' })).toEqual([b.id]);
      // Whole months: counted from the aggregate; any other day: from the rows. Both agree with the page.
      expect(await ids({ startOnFrom: '2024-02-01', startOnTo: '2024-03-31' })).toEqual([c.id, b.id]);
      expect(await ids({ startOnTo: '2024-01-31', smallAgri: true })).toEqual([a.id]);
      expect(await ids({ bankId: 'not-an-id' })).toEqual([]);
      expect(
        (await page(m, finance, { filter: { bankId: x.id, startOnFrom: '2024-02-01', startOnTo: '2024-02-01' } })).edges.map(
          (e) => e.node.id,
        ),
      ).toContain(other.id);
    });
  });

  it('takes 50 by default and at most 500; other sizes and foreign cursors are BAD_USER_INPUT', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      for (let i = 0; i < 51; i++) await createGuarantee(m, { institutionId: institution.id, bankId: bank.id });
      const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
      const byDefault = await page(m, owner, {});
      expect([byDefault.edges.length, byDefault.pageInfo.hasNextPage, byDefault.totalCount]).toEqual([50, true, 51]);
      expect((await page(m, owner, { first: 500 })).edges.length).toBe(51);
      const none = await page(m, owner, { first: 0 });
      expect([none.edges.length, none.pageInfo.hasNextPage, none.pageInfo.endCursor]).toEqual([0, true, null]);
      for (const vars of [
        { first: 501 },
        { first: -1 },
        { after: 'bm9wZQ' },
        { after: Buffer.from('g1:2024-13-01:x').toString('base64url') },
      ]) {
        const result = await gql(m, owner, PAGE, vars);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.field).toBe('first' in vars ? 'first' : 'after');
      }
    });
  });
});

const ONE = `query ($id: ID!) { guarantee(id: $id) { id code borrower { identifier } } }`;

describe('guarantees and guarantee(id): scope and borrower identity', () => {
  async function twoInstitutions(m: EntityManager) {
    const shen = await regionId(m, '371522');
    const a = await createInstitution(m, { regionId: shen, inHoldingGroup: true });
    const b = await createInstitution(m, { regionId: await regionId(m, '371502') });
    const [x, y] = [await createBank(m), await createBank(m)];
    const person = await createBorrower(m, a.id, { identifier: validResidentId({ region: '371522' }), kind: 'FARMER' });
    const ga = await createGuarantee(m, { institutionId: a.id, bankId: x.id, borrowerId: person.id }, { startOn: '2030-05-01' });
    const gb = await createGuarantee(m, { institutionId: b.id, bankId: y.id }, { startOn: '2030-05-01' });
    return { a, b, x, y, shen, person, ga, gb };
  }
  const window = { startOnFrom: '2030-05-01', startOnTo: '2030-05-01' };

  it('shows each role the rows its scope allows, and a row out of scope as missing (null)', async () => {
    await inRollback(async (m) => {
      const { a, b, x, y, shen, ga, gb } = await twoInstitutions(m);
      const seen = async (v: ReturnType<typeof viewer>) =>
        (await page(m, v, { filter: window })).edges
          .map((e) => e.node.id)
          .filter((id) => [ga.id, gb.id].includes(id))
          .sort();
      expect(await seen(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: a.id }))).toEqual([ga.id]);
      expect(await seen(viewer(Role.BANK, { bankId: y.id }))).toEqual([gb.id]);
      expect(await seen(viewer(Role.HOLDING_GROUP))).toEqual([ga.id]);
      expect(await seen(viewer(Role.LOCAL_GOVERNMENT, { regionId: shen }))).toEqual([ga.id]);
      for (const role of [Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.INDUSTRY])
        expect(await seen(viewer(role))).toEqual([ga.id, gb.id].sort());

      const asB = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: b.id });
      expect(ok(await gql(m, asB, ONE, { id: ga.id })).guarantee).toBeNull();
      expect(ok(await gql(m, asB, ONE, { id: gb.id })).guarantee.id).toBe(gb.id);
      expect(ok(await gql(m, asB, ONE, { id: '00000000-0000-4000-8000-000000000000' })).guarantee).toBeNull();
      expect(ok(await gql(m, asB, ONE, { id: 'G-1' })).guarantee).toBeNull();
      expect(ok(await gql(m, viewer(Role.BANK, { bankId: x.id }), ONE, { id: gb.id })).guarantee).toBeNull();
    });
  });

  it('is FORBIDDEN to roles without business data', async () => {
    await inRollback(async (m) => {
      const { ga } = await twoInstitutions(m);
      for (const role of [Role.PBOC, Role.BANKING_REGULATOR, Role.SASAC, Role.PUBLIC_SECURITY, Role.TASK_FORCE_MEMBER, Role.ADMIN]) {
        expect(codes(await gql(m, viewer(role), PAGE, {}))).toEqual(['FORBIDDEN']);
        expect(codes(await gql(m, viewer(role), ONE, { id: ga.id }))).toEqual(['FORBIDDEN']);
      }
      expect(codes(await gql(m, null, PAGE, {}))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('shows the borrower identifier in full to the owning institution, FINANCE and FINANCIAL_REGULATOR, masked to others', async () => {
    await inRollback(async (m) => {
      const { a, x, shen, person, ga } = await twoInstitutions(m);
      const identifier = async (v: ReturnType<typeof viewer>) => ok(await gql(m, v, ONE, { id: ga.id })).guarantee.borrower.identifier;
      for (const v of [
        viewer(Role.GUARANTEE_INSTITUTION, { institutionId: a.id }),
        viewer(Role.FINANCE),
        viewer(Role.FINANCIAL_REGULATOR),
      ]) {
        expect(await identifier(v)).toBe(person.identifier);
      }
      const masked = maskIdentifier(person.identifier);
      expect(masked).toMatch(/^3715\*{10}\d{3}[\dX]$/);
      for (const v of [
        viewer(Role.BANK, { bankId: x.id }),
        viewer(Role.INDUSTRY),
        viewer(Role.TASK_FORCE_OFFICE),
        viewer(Role.HOLDING_GROUP),
        viewer(Role.LOCAL_GOVERNMENT, { regionId: shen }),
      ]) {
        expect(await identifier(v)).toBe(masked);
      }
    });
  });
});
