import { getIntrospectionQuery } from 'graphql';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { viewer } from '../fixtures/viewers';
import { errorCodes, HUB_SECRET, startHub, type RunningHub } from '../support/http-hub';

/**
 * DESIGN.md §6 "Abuse", issue 8 item 2: queries that crashed or froze the hub are refused before they run,
 * with QUERY_TOO_COMPLEX and HTTP 400, before any business row is read — and a large real query still runs.
 * Before the limits: 5,000 aliases of a 500-row page ended the process (heap out of memory); the fragment
 * fan-out ran 18–27 s and blocked /healthz for 15 s; 300-level nesting was accepted.
 */
let hub: RunningHub;
let auth: Record<string, string>;

beforeAll(async () => {
  hub = await startHub();
  auth = { authorization: `Bearer ${await signToken(HUB_SECRET, viewer(Role.TASK_FORCE_OFFICE), '5m')}` };
});

/** The SQL the hub in this process sends while `run` runs (every pg client's statements). */
async function statementsDuring<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    statements.push(typeof q === 'string' ? q : (q?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await run(), statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}

/** A statement that reads business rows: the sign that a query was executed. */
const readsBusiness = (sql: string) => /\b(guarantee|compensation|borrower|guarantee_institution)\b/.test(sql);

async function refusedBeforeExecution(query: string, variables?: Record<string, unknown>) {
  const { result: res, statements } = await statementsDuring(() => hub.post({ query, variables }, auth));
  // Several limits may be over at once (a fan-out is too deep and has too many aliases): each says so.
  expect(new Set(errorCodes(res))).toEqual(new Set(['QUERY_TOO_COMPLEX']));
  expect(res.status).toBe(400);
  expect(res.json.data).toBeUndefined();
  // Refused before it ran: no statement read a business row (the per-request check of the token's user aside).
  expect(statements.filter(readsBusiness)).toEqual([]);
  return res.json.errors![0].message;
}

/** `compensations { guarantee { … } }` nested `levels` times around `inner`. */
function nested(levels: number, inner = 'id'): string {
  let body = inner;
  for (let i = 0; i < levels; i++) body = `compensations { guarantee { ${body} } }`;
  return body;
}

describe('query limits, refused before execution', () => {
  it('5,000 aliases of a 500-row guarantees page: stopped by the parser (token limit)', async () => {
    const fields = Array.from(
      { length: 5_000 },
      (_, i) => `a${i}: guarantees(first: 500) { edges { node { id code borrower { name } } } }`,
    );
    expect(await refusedBeforeExecution(`{ ${fields.join(' ')} }`)).toMatch(/tokens/);
  });

  it('51 aliases under the token limit: stopped by the alias limit', async () => {
    const fields = Array.from({ length: 51 }, (_, i) => `a${i}: me { role }`);
    expect(await refusedBeforeExecution(`{ ${fields.join(' ')} }`)).toMatch(/Aliases limit of 50/);
  });

  it('a fan-out of fragments 16 levels deep (compensations { guarantee { … } })', async () => {
    const fragments = Array.from({ length: 16 }, (_, i) =>
      i === 15
        ? `fragment F15 on Guarantee { id code }`
        : `fragment F${i} on Guarantee { compensations { guarantee { ...F${i + 1} } } c: compensations { guarantee { ...F${i + 1} } } }`,
    );
    const query = `{ guarantees(first: 500) { edges { node { ...F0 } } } } ${fragments.join(' ')}`;
    expect(query.length).toBeLessThan(2_500);
    await refusedBeforeExecution(query);
  });

  it('300-level nesting: stopped by the depth limit', async () => {
    expect(await refusedBeforeExecution(`{ guarantees(first: 1) { edges { node { ${nested(150)} } } } }`)).toMatch(/depth limit of 15/);
  });

  it('a shallow query whose lists multiply past the cost limit, `first:` read from the variables', async () => {
    const query = `query($n: Int) { guarantees(first: $n) { edges { node { ${nested(2)} } } } }`;
    expect(await refusedBeforeExecution(query, { n: 500 })).toMatch(/cost limit of 50000/);
    // The same query on a 5-row page is well within it.
    const { result: small, statements } = await statementsDuring(() => hub.post({ query, variables: { n: 5 } }, auth));
    expect([small.status, small.json.errors]).toEqual([200, undefined]);
    expect(statements.filter(readsBusiness).length).toBeGreaterThan(0); // what the refusals above did not do
    // Costs are remembered per document and variables (query-limits.ts): asked again, each answer is the same.
    expect(await refusedBeforeExecution(query, { n: 500 })).toMatch(/cost limit of 50000 exceeded, found/);
    expect((await hub.post({ query, variables: { n: 5 } }, auth)).status).toBe(200);
    expect(await refusedBeforeExecution(query, { n: 499 })).toMatch(/cost limit of 50000/);
  });

  it('61 directives: stopped by the directive limit', async () => {
    const spreads = Array.from({ length: 61 }, () => '... @include(if: true) { role }').join(' ');
    expect(await refusedBeforeExecution(`{ me { ${spreads} } }`)).toMatch(/Directives limit of 50/);
  });
});

describe('what real clients send still runs', () => {
  it('a full 500-row page with its institution, bank, borrower and compensations', async () => {
    const query = `{ guarantees(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      id code kind loanAmount guaranteedAmount feeRate startOn endOn status smallAgri
      institution { id name region { name } } bank { id name } borrower { name kind }
      compensations { id } } } } }`;
    const res = await hub.post({ query }, auth);
    expect([res.status, res.json.errors]).toEqual([200, undefined]);
  });

  it("graphql-js's full introspection query (what the explorer and code generators send)", async () => {
    const res = await hub.post({ query: getIntrospectionQuery() }, auth);
    expect([res.status, res.json.errors]).toEqual([200, undefined]);
    expect(res.json.data.__schema.queryType.name).toBe('Query');
  });
});
