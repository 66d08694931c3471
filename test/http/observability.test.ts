import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { createDataSource } from '../../src/app/data-source';
import { createHttpServer } from '../../src/app/server';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logger';
import { viewer } from '../fixtures/viewers';
import { testDataSource } from '../support/db';
import { startTcpProxy } from '../support/tcp-proxy';

/**
 * DESIGN.md §4 "Logs" and "/metrics", over HTTP against the hub's own server with its own logger, every line captured:
 * a request id honoured or generated and echoed, an access line per request, the id on every line of a request,
 * and /metrics counting what was served — open to loopback, to others only with METRICS_TOKEN.
 */
const SECRET = 'observability-test-secret-0123456789abcdef';
const servers: http.Server[] = [];
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function serve(env: Record<string, string> = {}, dataSource?: Parameters<typeof createHttpServer>[0]['dataSource']) {
  const lines: Record<string, any>[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, ...env });
  const { server } = await createHttpServer({ config, dataSource: dataSource ?? (await testDataSource()), log, jwtSecret: SECRET });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  // The access line is written when the response closes, a moment after the client has it.
  const settled = () => new Promise((r) => setTimeout(r, 50));
  return { base, lines, post, settled };
}

const accessLines = (lines: Record<string, any>[]) => lines.filter((l) => l.msg === 'request');

describe('the access line and the request id', () => {
  it('honours a sane x-request-id, echoes it, and logs method, path, operation, status, duration and role under it', async () => {
    const hub = await serve();
    const token = await signToken(SECRET, viewer(Role.FINANCE), '15m');
    const res = await hub.post(
      { query: 'query RegionsForLog { regions { code } }', operationName: 'RegionsForLog' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'caller-req-42' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('caller-req-42');
    await res.text();
    await hub.settled();
    const [line] = accessLines(hub.lines);
    expect(line).toMatchObject({
      reqId: 'caller-req-42',
      method: 'POST',
      path: '/graphql',
      operation: 'RegionsForLog',
      status: 200,
      role: 'FINANCE',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(JSON.stringify(line)).not.toContain(token);
  });

  it('generates a UUID when the header is missing, too long or carries unsafe characters', async () => {
    const hub = await serve();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const sent of [undefined, 'x'.repeat(129), 'bad id\twith "quotes"', '371502199001011234<script>']) {
      const res = await fetch(`${hub.base}/healthz`, { headers: sent === undefined ? {} : { 'x-request-id': sent } });
      await res.text();
      expect(res.headers.get('x-request-id'), String(sent)).toMatch(uuid);
    }
    await hub.settled();
    const lines = accessLines(hub.lines);
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).toMatchObject({ reqId: expect.stringMatching(uuid), path: '/healthz', status: 200, role: null });
  });

  it('logs a refused token as a 401 with its code, and no token or body', async () => {
    const hub = await serve();
    const res = await hub.post({ query: '{ me { role } }' }, { authorization: 'Bearer not.a.token', 'x-request-id': 'bad-token-1' });
    expect(res.status).toBe(401);
    await res.text();
    await hub.settled();
    expect(accessLines(hub.lines)).toEqual([expect.objectContaining({ reqId: 'bad-token-1', status: 401, errors: ['UNAUTHENTICATED'] })]);
    expect(JSON.stringify(hub.lines)).not.toContain('not.a.token');
  });

  it('puts the request id on every line logged while serving it (the database gone: the 503 warning and the access line)', async () => {
    const direct = new URL(inject('databaseUrl'));
    const proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(direct);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const ds = await createDataSource(viaProxy.toString(), { poolSize: 2, poolWaitMs: 1_000 }).initialize();
    try {
      const hub = await serve({}, ds);
      const token = await signToken(SECRET, viewer(Role.FINANCE), '15m');
      await proxy.cut();
      const res = await hub.post({ query: '{ banks { id } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'outage-7' });
      expect(res.status).toBe(503);
      await res.text();
      await hub.settled();
      const mine = hub.lines.filter((l) => l.msg === 'request' || /request answered 503/.test(l.msg));
      expect(mine.map((l) => l.msg).sort()).toEqual(['database unavailable: request answered 503', 'request']);
      for (const l of mine) expect(l.reqId).toBe('outage-7');
    } finally {
      await proxy.restore();
      await ds.destroy();
      await proxy.close();
    }
  });
});

describe('/metrics', () => {
  it('answers loopback in the Prometheus text format, counting requests by operation and outcome and errors by code', async () => {
    const hub = await serve();
    const token = await signToken(SECRET, viewer(Role.FINANCE), '15m');
    await (await hub.post({ query: 'query MetricsProbe { regions { code } }' }, { authorization: `Bearer ${token}` })).text();
    await (await hub.post({ query: 'query MetricsProbe { regions { code } }' }, { authorization: `Bearer ${token}` })).text();
    await (await hub.post({ query: 'query Forbidden { auditLog { edges { cursor } } }' }, { authorization: `Bearer ${token}` })).text();
    await hub.settled();
    const res = await fetch(`${hub.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('hub_requests_total{operation="MetricsProbe",outcome="ok"} 2');
    expect(text).toContain('hub_request_duration_seconds_count{operation="MetricsProbe",outcome="ok"} 2');
    expect(text).toContain('hub_requests_total{operation="Forbidden",outcome="client_error"} 1');
    expect(text).toContain('hub_graphql_errors_total{code="FORBIDDEN"} 1');
    expect(text).toMatch(/^hub_db_pool_connections_total \d+$/m);
    expect(text).toMatch(/^hub_db_pool_connections_idle \d+$/m);
    expect(text).toMatch(/^hub_db_pool_waiting_requests \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });

  it('refuses loopback with METRICS_ALLOW=none, and a proxied request, but admits METRICS_TOKEN (and no other token)', async () => {
    const metricsToken = 'metrics-token-0123456789';
    const hub = await serve({ METRICS_ALLOW: 'none', METRICS_TOKEN: metricsToken });
    const get = (headers: Record<string, string> = {}) => fetch(`${hub.base}/metrics`, { headers });
    expect((await get()).status).toBe(403);
    expect((await get({ authorization: 'Bearer metrics-token-012345678X' })).status).toBe(403);
    expect((await get({ authorization: `Bearer ${metricsToken}` })).status).toBe(200);

    const open = await serve();
    expect((await fetch(`${open.base}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
  });
});
