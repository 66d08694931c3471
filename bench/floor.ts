import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { dashboardFloor, type DashboardFloorRequest } from './dashboard-floor';

/**
 * The floor: what serving the benchmark's page costs with nothing but node:http, JSON and one prepared
 * pg query per request — same rows, same order (start_on DESC, id DESC), same totalCount, same JSON
 * shape as the hub's `guarantees` page. It reads the request body like a GraphQL server would — the
 * `variables` ({ filter: { regionId }, after }) and whether the query selects totalCount; its cursor is
 * its own (start_on:id in base64url). A request whose query is the dashboard is answered by the dashboard's
 * floor instead (bench/dashboard-floor.ts).
 */
export const PAGE_SIZE = 100;

// Dates as their 'YYYY-MM-DD' text, as the hub reads them (src/db/data-source.ts).
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

const COLUMNS = `g.id, g.code, g.guaranteed_amount, g.fee_rate, g.start_on, g.status, g.small_agri,
  i.name AS institution_name, b.name AS bank_name, br.name AS borrower_name, br.identifier AS borrower_identifier`;
const JOINS = `guarantee g JOIN guarantee_institution i ON i.id = g.institution_id JOIN bank b ON b.id = g.bank_id JOIN borrower br ON br.id = g.borrower_id`;
const ORDER = `ORDER BY g.start_on DESC, g.id DESC LIMIT ${PAGE_SIZE + 1}`;

/** One prepared statement per page kind, so each gets its own plan; the count only when totalCount is asked for. */
function statement(kind: 'first' | 'region' | 'after', counted: boolean): string {
  const where = { first: '', region: 'WHERE g.region_id = $1', after: 'WHERE (g.start_on, g.id) < ($1::date, $2::uuid)' }[kind];
  const count = counted ? `, (SELECT count(*) FROM guarantee${kind === 'region' ? ' WHERE region_id = $1' : ''})::int AS total` : '';
  return `SELECT ${COLUMNS}${count} FROM ${JOINS} ${where} ${ORDER}`;
}

interface Row {
  id: string;
  code: string;
  guaranteed_amount: string;
  fee_rate: string;
  start_on: string;
  status: string;
  small_agri: boolean;
  institution_name: string;
  bank_name: string;
  borrower_name: string;
  borrower_identifier: string;
  total?: number;
}

export function floorCursor(startOn: string, id: string): string {
  return Buffer.from(`${startOn}:${id}`).toString('base64url');
}

interface RequestBody {
  query?: string;
  variables?: { filter?: { regionId?: string }; after?: string };
}

/** The response body for one request: the dashboard's floor, or the page's. */
async function respond(pool: pg.Pool, request: RequestBody): Promise<string> {
  if (request.query?.includes('dashboard(')) return dashboardFloor(pool, request.variables as unknown as DashboardFloorRequest);
  const q = query(request);
  const result = await pool.query<Row>({ name: q.name, text: q.text, values: q.values });
  return page(result.rows, q.counted);
}

function query({ query: text = '', variables }: RequestBody): pg.QueryConfig & { counted: boolean } {
  // As a GraphQL server resolves only what is selected, the floor counts only when totalCount is in the query.
  const counted = text.includes('totalCount');
  const named = (kind: 'first' | 'region' | 'after', values: unknown[]) => ({
    name: `floor-${kind}-${counted}`,
    text: statement(kind, counted),
    values,
    counted,
  });
  if (variables?.after) {
    const cursor = Buffer.from(variables.after, 'base64url').toString();
    return named('after', [cursor.slice(0, 10), cursor.slice(11)]);
  }
  if (variables?.filter?.regionId) return named('region', [variables.filter.regionId]);
  return named('first', []);
}

function page(rows: Row[], counted: boolean): string {
  const edges = rows.slice(0, PAGE_SIZE).map((r) => ({
    cursor: floorCursor(r.start_on, r.id),
    node: {
      id: r.id,
      code: r.code,
      guaranteedAmount: r.guaranteed_amount,
      feeRate: r.fee_rate,
      startOn: r.start_on,
      status: r.status,
      smallAgri: r.small_agri,
      institution: { name: r.institution_name },
      bank: { name: r.bank_name },
      borrower: { name: r.borrower_name, identifier: r.borrower_identifier },
    },
  }));
  const pageInfo = { hasNextPage: rows.length > PAGE_SIZE, endCursor: edges.length ? edges[edges.length - 1].cursor : null };
  return JSON.stringify({ data: { guarantees: counted ? { totalCount: rows[0]?.total ?? 0, edges, pageInfo } : { edges, pageInfo } } });
}

export async function startFloorServer(databaseUrl: string, poolSize: number): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let request: RequestBody;
      try {
        request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      respond(pool, request).then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: err.message }] }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
