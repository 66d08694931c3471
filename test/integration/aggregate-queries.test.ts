import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { scenario } from '../fixtures/dashboard';
import { viewer } from '../fixtures/viewers';
import { inRollback, testDataSource } from '../support/db';
import { gql, ok } from '../support/graphql';
import { countStatements } from '../support/statements';
import { DASHBOARD_QUERY, SUPERVISION_QUERY, WARNINGS_QUERY } from '../../bench/aggregate-queries';

// The aggregate reads `npm run bench` measures (bench/aggregate-scenarios.ts), with the very texts it sends, each
// with its exact statement count: a number that does not grow with the institutions, banks, regions or months.
// Inside a transaction that wrote, a dashboard is never answered from the cache: these are the counts of a read
// right after a write (the bench's "right after a write" column), the cache's miss.

async function statementsOf(query: string, variables: Record<string, unknown>, role: Role, regionId?: string) {
  return inRollback(async (m) => {
    const s = await scenario(m);
    const { statements, result } = await countStatements(m, async () =>
      ok(await gql(m, viewer(role, regionId === undefined ? {} : { regionId: regionId === 'r1' ? s.r1 : regionId }), query, variables)),
    );
    return { statements, data: result as Record<string, any> };
  });
}

describe('aggregate reads of the bench: SQL statements per request', () => {
  it('costs the city-wide dashboard for a year, and a county government’s, the same few statements', async () => {
    const filter = { from: '2024-01-01', to: '2024-12-31' };
    const city = await statementsOf(DASHBOARD_QUERY, { filter }, Role.FINANCE);
    const county = await statementsOf(DASHBOARD_QUERY, { filter }, Role.LOCAL_GOVERNMENT, 'r1');
    expect(city.data.dashboard.byMonth).toHaveLength(12);
    expect(city.data.dashboard.byInstitution.length).toBeGreaterThan(county.data.dashboard.byInstitution.length);
    // The policy targets, the data version and the slices (one grouped statement).
    expect(city.statements, city.statements.join('\n')).toHaveLength(CITY_DASHBOARD);
    expect(county.statements, county.statements.join('\n')).toHaveLength(CITY_DASHBOARD);
    expect(city.statements.filter((s) => s.includes('FROM business_month_stats'))).toHaveLength(1);
  });

  it('costs the warnings of today and the supervision list of a month a fixed number of statements', async () => {
    const warnings = await statementsOf(WARNINGS_QUERY, {}, Role.FINANCE);
    const list = await statementsOf(SUPERVISION_QUERY, { month: '2024-03' }, Role.FINANCE);
    expect(Array.isArray(warnings.data.warnings)).toBe(true);
    expect(list.data.supervisionList.length).toBeGreaterThan(0);
    // A miss: the cache’s data version (warnings.service.ts), the policy version and three reads, plus one batched load per relation the warnings name (institution, agreement) when there are any:
    // what the database holds decides whether those run, never how many rows they serve (no N+1).
    expect(warnings.statements.length, warnings.statements.join('\n')).toBeGreaterThanOrEqual(WARNINGS);
    expect(warnings.statements.length, warnings.statements.join('\n')).toBeLessThanOrEqual(WARNINGS + 2);
    expect(list.statements, list.statements.join('\n')).toHaveLength(SUPERVISION);
    // The year's aggregate per institution is read once, for the warnings and the list alike.
    expect(list.statements.filter((s) => s.includes('LEFT JOIN business_month_stats s'))).toHaveLength(1);
  });

  it('answers the warnings and the supervision list again from the cache, without the aggregate', async () => {
    const ds = await testDataSource();
    // Read-only transactions over what the database holds (committed by this file's scenario and others): the
    // second read of the same date and scope finds the first's answer. Another test file may commit in between,
    // so a read is repeated until one is answered from the cache.
    const cachedRead = async (query: string, variables: Record<string, unknown>) => {
      let statements: string[] = [];
      for (let tries = 0; tries < 4; tries++) {
        statements = await ds.transaction(
          async (tx) => (await countStatements(tx, async () => ok(await gql(tx, viewer(Role.FINANCE), query, variables)))).statements,
        );
        if (tries > 0 && !statements.some((s) => s.includes('business_month_stats'))) break;
      }
      return statements;
    };
    const warnings = await cachedRead(WARNINGS_QUERY, {});
    const list = await cachedRead(SUPERVISION_QUERY, { month: '2024-03' });
    expect(
      warnings.filter((s) => s.includes('business_month_stats')),
      warnings.join('\n'),
    ).toEqual([]);
    // The data version (the policy version comes with the answer), plus one batched load per relation the warnings name.
    expect(warnings.length, warnings.join('\n')).toBeLessThanOrEqual(WARNINGS_CACHED + 2);
    expect(
      list.filter((s) => s.includes('business_month_stats')),
      list.join('\n'),
    ).toEqual([]);
    // Besides it: the month's first report dates (the list's own read) and the institutions named.
    expect(list.length, list.join('\n')).toBeLessThanOrEqual(WARNINGS_CACHED + 2);
  });
});

const WARNINGS_CACHED = 1;
const CITY_DASHBOARD = 3;
const WARNINGS = 5;
const SUPERVISION = 8;
