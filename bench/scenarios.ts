import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { floorCursor, PAGE_SIZE } from './floor';
import { BenchFailure } from './load';

/**
 * The page the issue names: 100 guarantees with institution, bank and borrower, the count and the page
 * info. Without totalCount it is the page STACK.md's figures (floor, PostGraphile) were measured on.
 */
export function pageQuery(counted: boolean): string {
  return `query Page($filter: GuaranteeFilter, $after: String) {
  guarantees(filter: $filter, first: ${PAGE_SIZE}, after: $after) {
    ${counted ? 'totalCount' : ''}
    edges { cursor node { id code guaranteedAmount feeRate startOn status smallAgri institution { name } bank { name } borrower { name identifier } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
}

const WALK_QUERY = `query Walk($after: String) { guarantees(first: ${PAGE_SIZE}, after: $after) { pageInfo { endCursor } } }`;

export interface Scenario {
  name: string;
  /** Request bodies: the same query, each server's own cursor. */
  hubBody: string;
  floorBody: string;
  /** SQL statements one request costs each server, counted by checkSamePages. */
  statements?: { hub: number; floor: number };
}

// Every statement of this process (both servers' pools) goes through pg's Client#query: counting its calls
// around single requests tells how many statements a page costs (no N+1 shows as a constant, whatever the page).
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

async function counted<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const before = statements;
  const result = await fn();
  return [result, statements - before];
}

interface Page {
  totalCount?: number;
  edges: { cursor: string; node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export async function post(url: string, body: string, token?: string): Promise<Page> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  let json: { data?: { guarantees?: Page }; errors?: unknown[] };
  try {
    json = JSON.parse(text);
  } catch {
    throw new BenchFailure(`${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
  if (res.status !== 200 || json.errors || !json.data?.guarantees) {
    throw new BenchFailure(`${url} answered ${res.status}: ${text.slice(0, 1000)}`);
  }
  return json.data.guarantees;
}

const body = (variables: Record<string, unknown>, counted = true) => JSON.stringify({ query: pageQuery(counted), variables });

/**
 * First page, with and without totalCount; the page filtered by the busiest region (a county
 * government's view); and a deep page, after the cursor of the row half-way down the list — the hub's cursor found by paging through
 * the hub, the floor's computed with OFFSET, so the comparison below also checks the hub's paging.
 */
export async function prepareScenarios(ds: DataSource, hubUrl: string, token: string, guarantees: number): Promise<Scenario[]> {
  const [region] = await ds.query(
    `SELECT r.id, r.name, count(*)::int AS n FROM guarantee g JOIN region r ON r.id = g.region_id GROUP BY r.id, r.name ORDER BY n DESC, r.id LIMIT 1`,
  );
  const depth = Math.floor(guarantees / 2 / PAGE_SIZE) * PAGE_SIZE;
  let hubAfter: string | null = null;
  for (let skipped = 0; skipped < depth; skipped += PAGE_SIZE) {
    hubAfter = (await post(hubUrl, JSON.stringify({ query: WALK_QUERY, variables: { after: hubAfter } }), token)).pageInfo.endCursor;
    if (!hubAfter) throw new BenchFailure(`the hub's list ended after ${skipped} rows; ${guarantees} were seeded`);
  }
  const [row] = await ds.query(`SELECT start_on, id FROM guarantee ORDER BY start_on DESC, id DESC OFFSET $1 LIMIT 1`, [depth - 1]);
  const rows = (n: number) => `${n.toLocaleString('en')} rows`;
  return [
    { name: 'first page', hubBody: body({}), floorBody: body({}) },
    { name: 'first page without totalCount', hubBody: body({}, false), floorBody: body({}, false) },
    {
      name: `filtered by region (${region.name}, ${rows(region.n)})`,
      hubBody: body({ filter: { regionId: region.id } }),
      floorBody: body({ filter: { regionId: region.id } }),
    },
    {
      name: `deep page (after ${rows(depth)})`,
      hubBody: body({ after: hubAfter }),
      floorBody: body({ after: floorCursor(row.start_on, row.id) }),
    },
  ];
}

/** Before any timing: both servers answer each scenario with the same 100 rows, fields and count. */
export async function checkSamePages(scenarios: Scenario[], hubUrl: string, floorUrl: string, token: string): Promise<void> {
  for (const s of scenarios) {
    const [hub, hubStatements] = await counted(() => post(hubUrl, s.hubBody, token));
    const [floor, floorStatements] = await counted(() => post(floorUrl, s.floorBody));
    s.statements = { hub: hubStatements, floor: floorStatements };
    for (const [who, page] of [
      ['hub', hub],
      ['floor', floor],
    ] as const) {
      if (page.edges.length !== PAGE_SIZE || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) {
        throw new BenchFailure(
          `${s.name}: the ${who} returned ${page.edges.length} edges (hasNextPage ${page.pageInfo.hasNextPage}), expected ${PAGE_SIZE} and more to follow`,
        );
      }
      const incomplete = page.edges.find((e) => !e.cursor || Object.values(e.node).some((v) => v === null || v === undefined));
      if (incomplete) throw new BenchFailure(`${s.name}: the ${who} returned an incomplete edge: ${JSON.stringify(incomplete)}`);
    }
    if (hub.totalCount !== floor.totalCount)
      throw new BenchFailure(`${s.name}: totalCount ${hub.totalCount} from the hub, ${floor.totalCount} from the floor`);
    const differs = hub.edges.findIndex((e, i) => !isDeepStrictEqual(e.node, floor.edges[i].node));
    if (differs >= 0) {
      throw new BenchFailure(
        `${s.name}: row ${differs} differs:\n hub   ${JSON.stringify(hub.edges[differs].node)}\n floor ${JSON.stringify(floor.edges[differs].node)}`,
      );
    }
  }
}
