import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { floorCursor, PAGE_SIZE } from './floor';
import { pageQuery } from './page-query';
import { encodeCursor } from '../src/modules/guarantee/page/guarantee.page';
import { BenchFailure } from './load';
import type { Role } from '../src/access/roles';
import type { ScenarioId } from './scenario-filter';

/**
 * One measured request. To add scenarios, write a ScenarioSource (as pageScenarios below, or aggregateScenarios in
 * bench/aggregate-scenarios.ts) and list it in SCENARIO_SOURCES (bench/guarantees-page.ts): each scenario is run
 * against the hub, and against the floor when it has a floorBody, and gets a row of the report.
 */
export interface Scenario {
  /** Its short id, for --scenarios (bench/scenario-filter.ts). */
  id: ScenarioId;
  name: string;
  /** The hub's request body (a GraphQL POST). */
  hubBody: string;
  /** The hub's bearer token; absent: the context's FINANCE token. */
  token?: string;
  /** The floor's request for the same answer (its own cursor); absent: the hub alone is measured. */
  floorBody?: string;
  /** Each response must carry exactly this many edges (counted as `"cursor":`); absent: not counted. */
  edges?: number;
  /** Before timing, hub and floor `data` must agree: throws a BenchFailure when not. Absent: a page's comparison. */
  compare?: (hub: Record<string, unknown>, floor: Record<string, unknown>) => void;
  /** A committed write the answer depends on (e.g. a data version bumped as a grant bumps it): the hub is also
   *  timed reading right after it, sequentially, AFTER_WRITE_READS times. */
  write?: () => Promise<void>;
  /** Seconds a response may take under load (default 10). */
  timeout?: number;
  /** The floor is measured over this many requests (at least one per client) instead of --duration seconds,
   *  without warm-up: a scan may take longer per request than a whole run. */
  floorRequests?: number;
  /** SQL statements one request costs each server, counted by checkScenarios. */
  statements?: { hub: number; floor?: number };
}

/** What a scenario source may use to build its requests: the seeded database, the servers and tokens. */
export interface BenchContext {
  dataSource: DataSource;
  hubUrl: string;
  floorUrl: string;
  /** A FINANCE token (city-wide). */
  token: string;
  /** A token for another role, narrowed to a region or not. */
  sign: (role: Role, regionId: string | null) => Promise<string>;
  guarantees: number;
  /** Requests a dashboard's floor is measured over (bench/scenario-filter.ts, floorRequestsFor). */
  floorRequests: number;
  /** Seconds a floor or a scan-bound hub request may take under load (scanTimeoutFor). */
  scanTimeout: number;
}

export type ScenarioSource = (ctx: BenchContext) => Promise<Scenario[]>;

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

/** A GraphQL POST that must answer 200 with data and no error; its `data`. */
export async function postData(url: string, body: string, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  let json: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    json = JSON.parse(text);
  } catch {
    throw new BenchFailure(`${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
  if (res.status !== 200 || json.errors || !json.data) {
    throw new BenchFailure(`${url} answered ${res.status}: ${text.slice(0, 1000)}`);
  }
  return json.data;
}

const body = (variables: Record<string, unknown>, counted = true) => JSON.stringify({ query: pageQuery(counted), variables });

/**
 * First page, with and without totalCount; the page filtered by the busiest region (a county
 * government's view); and a deep page, after the row half-way down the list (found with OFFSET), each server given
 * its own cursor for that row: the comparison in checkScenarios then checks that the hub's keyset page starts where
 * OFFSET says. (Paging there through the hub took 5,000 requests at 10^6 rows.)
 */
export const pageScenarios: ScenarioSource = async ({ dataSource: ds, guarantees }) => {
  const [region] = await ds.query(
    `SELECT r.id, r.name, count(*)::int AS n FROM guarantee g JOIN region r ON r.id = g.region_id GROUP BY r.id, r.name ORDER BY n DESC, r.id LIMIT 1`,
  );
  const depth = Math.floor(guarantees / 2 / PAGE_SIZE) * PAGE_SIZE;
  const [row] = await ds.query(`SELECT start_on, id FROM guarantee ORDER BY start_on DESC, id DESC OFFSET $1 LIMIT 1`, [depth - 1]);
  const rows = (n: number) => `${n.toLocaleString('en')} rows`;
  return [
    { id: 'list', name: 'list page (no totalCount)', hubBody: body({}, false), floorBody: body({}, false), edges: PAGE_SIZE },
    { id: 'count', name: 'list page with totalCount', hubBody: body({}), floorBody: body({}), edges: PAGE_SIZE },
    {
      id: 'region',
      name: `filtered by region (${region.name}, ${rows(region.n)})`,
      hubBody: body({ filter: { regionId: region.id } }),
      floorBody: body({ filter: { regionId: region.id } }),
      edges: PAGE_SIZE,
    },
    {
      id: 'deep',
      name: `deep page (after ${rows(depth)})`,
      hubBody: body({ after: encodeCursor({ startOn: row.start_on, id: row.id }) }),
      floorBody: body({ after: floorCursor(row.start_on, row.id) }),
      edges: PAGE_SIZE,
    },
  ];
};

/**
 * Before any timing: the SQL statements one request of each scenario costs (each answer HTTP 200 with data and no
 * GraphQL error); and where there is a floor, both servers give the same answer (compare, or a page's checks).
 */
export async function checkScenarios(scenarios: Scenario[], hubUrl: string, floorUrl: string, token: string): Promise<void> {
  for (const s of scenarios) {
    const [hub, hubStatements] = await counted(() => postData(hubUrl, s.hubBody, s.token ?? token));
    if (s.floorBody === undefined) {
      s.statements = { hub: hubStatements };
      continue;
    }
    const floorBody = s.floorBody;
    const [floor, floorStatements] = await counted(() => postData(floorUrl, floorBody));
    s.statements = { hub: hubStatements, floor: floorStatements };
    (s.compare ?? comparePages(s.name))(hub, floor);
  }
}

/** Both pages full (100 edges, more to follow, no empty field), the same totalCount and the same rows. */
const comparePages = (name: string) => (hubData: Record<string, unknown>, floorData: Record<string, unknown>) => {
  const hub = hubData.guarantees as Page;
  const floor = floorData.guarantees as Page;
  for (const [who, page] of [
    ['hub', hub],
    ['floor', floor],
  ] as const) {
    if (page.edges.length !== PAGE_SIZE || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) {
      throw new BenchFailure(
        `${name}: the ${who} returned ${page.edges.length} edges (hasNextPage ${page.pageInfo.hasNextPage}), expected ${PAGE_SIZE} and more to follow`,
      );
    }
    const incomplete = page.edges.find((e) => !e.cursor || Object.values(e.node).some((v) => v === null || v === undefined));
    if (incomplete) throw new BenchFailure(`${name}: the ${who} returned an incomplete edge: ${JSON.stringify(incomplete)}`);
  }
  if (hub.totalCount !== floor.totalCount)
    throw new BenchFailure(`${name}: totalCount ${hub.totalCount} from the hub, ${floor.totalCount} from the floor`);
  const differs = hub.edges.findIndex((e, i) => !isDeepStrictEqual(e.node, floor.edges[i].node));
  if (differs >= 0) {
    throw new BenchFailure(
      `${name}: row ${differs} differs:\n hub   ${JSON.stringify(hub.edges[differs].node)}\n floor ${JSON.stringify(floor.edges[differs].node)}`,
    );
  }
};
