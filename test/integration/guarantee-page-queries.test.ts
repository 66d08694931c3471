import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { createBank, createGuarantee, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';
import { countStatements } from '../support/statements';
import { pageQuery } from '../../bench/page-query';

// No N+1: the page issues the same, small number of SQL statements whatever its size.

const FULL_PAGE = `query ($filter: GuaranteeFilter, $first: Int) {
  guarantees(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id code kind loanAmount guaranteedAmount feeRate bankRiskShare startOn endOn status releasedOn smallAgri
      institution { id name level region { name } }
      bank { id name kind }
      borrower { id name identifier kind region { code name } }
    } }
  }
}`;

/** `n` guarantees on one day, each with its own institution, bank and borrower, borrowers spread over the regions. */
async function distinctBusiness(m: EntityManager, n: number, startOn: string) {
  const regions = await Promise.all(
    ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581'].map((c) => regionId(m, c)),
  );
  for (let i = 0; i < n; i++) {
    const institution = await createInstitution(m, { regionId: regions[i % regions.length] });
    const bank = await createBank(m);
    await createGuarantee(m, { institutionId: institution.id, bankId: bank.id }, { startOn, regionId: regions[(i + 3) % regions.length] });
  }
}

describe('guarantees page: SQL statements per request', () => {
  it('issues the same few statements for 5 rows as for 100, with institution, bank and borrower (and their regions) on every row', async () => {
    await inRollback(async (m) => {
      await distinctBusiness(m, 5, '2031-01-05');
      await distinctBusiness(m, 100, '2031-01-06');
      const finance = viewer(Role.FINANCE);
      const run = async (day: string, first: number) => {
        let edges = 0;
        const { statements } = await countStatements(m, async () => {
          const { guarantees } = ok(await gql(m, finance, FULL_PAGE, { filter: { startOnFrom: day, startOnTo: day }, first }));
          edges = guarantees.edges.length;
          for (const e of guarantees.edges) expect(e.node.borrower.identifier).toHaveLength(18);
        });
        return { edges, statements };
      };
      const small = await run('2031-01-05', 5);
      const large = await run('2031-01-06', 100);
      expect([small.edges, large.edges]).toEqual([5, 100]);
      // page, count, institutions, banks, borrowers, regions (of institutions and borrowers: one batch or two,
      // as the loaders' answers arrive) — a bound that does not grow with the page.
      expect(small.statements.length, small.statements.join('\n')).toBeLessThanOrEqual(7);
      expect(large.statements.length, large.statements.join('\n')).toBeLessThanOrEqual(7);
    });
  });

  // The queries `npm run bench` measures (bench/scenarios.ts), each with its exact statement count: the page
  // alone is one statement whatever its size, totalCount one more; a deep page (after a cursor) the same.
  it('costs the benchmarked page one statement, with totalCount two, and a deep page after a cursor one', async () => {
    await inRollback(async (m) => {
      await distinctBusiness(m, 120, '2031-02-01');
      const finance = viewer(Role.FINANCE);
      const filter = { startOnFrom: '2031-02-01', startOnTo: '2031-02-01' };
      const page = async (counted: boolean, after?: string) => {
        let result: { edges: { cursor: string }[]; pageInfo: { endCursor: string } } | undefined;
        const { statements } = await countStatements(m, async () => {
          result = ok(await gql(m, finance, pageQuery(counted), { filter, after })).guarantees;
        });
        return { edges: result!.edges.length, endCursor: result!.pageInfo.endCursor, statements };
      };
      const plain = await page(false);
      const withCount = await page(true);
      const deep = await page(false, plain.endCursor);
      expect([plain.edges, withCount.edges, deep.edges]).toEqual([100, 100, 20]);
      expect(plain.statements, plain.statements.join('\n')).toHaveLength(1);
      expect(withCount.statements, withCount.statements.join('\n')).toHaveLength(2);
      expect(deep.statements, deep.statements.join('\n')).toHaveLength(1);
    });
  });

  // page/guarantee.selection.ts: a page reads the columns of what it selects, in tiers; what it shows is the same.
  it('reads only what the query selects, and answers the same values as the page that selects everything', async () => {
    await inRollback(async (m) => {
      await distinctBusiness(m, 30, '2031-03-01');
      const filter = { startOnFrom: '2031-03-01', startOnTo: '2031-03-01' };
      const narrow = `query ($filter: GuaranteeFilter) { guarantees(filter: $filter, first: 30) {
        edges { cursor node { id code guaranteedAmount feeRate startOn status smallAgri institution { name } borrower { name identifier } } } } }`;
      const bare = `query ($filter: GuaranteeFilter) { guarantees(filter: $filter, first: 30) { edges { node { id code } } } }`;
      for (const who of [viewer(Role.FINANCE), viewer(Role.INDUSTRY)]) {
        const full = ok(await gql(m, who, FULL_PAGE, { filter, first: 30 })).guarantees.edges;
        const read = await countStatements(m, async () => ok(await gql(m, who, narrow, { filter })).guarantees.edges);
        const [sql] = read.statements;
        expect(sql).not.toMatch(/JOIN bank|i\.credit_code|loan_amount|br\.kind/);
        expect(read.result).toEqual(
          full.map((e: any) => ({
            cursor: e.cursor,
            node: {
              ...pick(e.node, ['id', 'code', 'guaranteedAmount', 'feeRate', 'startOn', 'status', 'smallAgri']),
              institution: { name: e.node.institution.name },
              borrower: { name: e.node.borrower.name, identifier: e.node.borrower.identifier },
            },
          })),
        );
        const plain = await countStatements(m, async () => ok(await gql(m, who, bare, { filter })).guarantees.edges);
        expect(plain.statements[0]).not.toMatch(/JOIN/);
        expect(plain.result).toEqual(full.map((e: any) => ({ node: { id: e.node.id, code: e.node.code } })));
      }
    });
  });
});

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
