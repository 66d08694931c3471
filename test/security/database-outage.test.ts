import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Role } from '../../src/access/roles';
import { createDataSource } from '../../src/app/data-source';
import { createBank, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { serveHub, type TestHub } from '../support/http';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * DESIGN.md §6 Failure, in process: the hub's database sits behind a TCP proxy that the test cuts and
 * restores. While it is gone, reads and writes are refused at once with SERVICE_UNAVAILABLE (HTTP 503, not
 * 200 with INTERNAL_SERVER_ERROR as before, issue 8 item 6), /healthz is 503, and the log gets at most one
 * line per failed request, none with a stack trace; once it is back the same hub serves again, unrestarted.
 * (test/security/embedded-crash.test.ts kills the embedded server of a real hub process.)
 */
const GRANT = `mutation ($input: GuaranteeInput!) { createGuarantee(input: $input) { id } }`;
const READ = `{ banks { id } }`;
let proxy: TcpProxy;
let ds: DataSource;
let hub: TestHub;
const lines: string[] = [];
let refs: { institutionId: string; bankId: string; regionId: string };

beforeAll(async () => {
  const direct = new URL(inject('databaseUrl'));
  proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
  const viaProxy = new URL(direct);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  ds = await createDataSource(viaProxy.toString(), { poolSize: 4, poolWaitMs: 1_000 }).initialize();
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  hub = await serveHub(ds, pino({ level: 'info' }, sink));
  const institution = await createInstitution(ds.manager);
  const bank = await createBank(ds.manager);
  refs = { institutionId: institution.id, bankId: bank.id, regionId: await regionId(ds.manager) };
});
afterAll(async () => {
  await hub?.close();
  await proxy?.restore().catch(() => undefined);
  if (ds?.isInitialized) await ds.destroy();
  await proxy?.close();
});

const owner = () => viewer(Role.GUARANTEE_INSTITUTION, { institutionId: refs.institutionId });
/** A token whose sub could be a hub user's id: the hub reads app_user before serving it (app/authenticate.ts). */
let uuidSub: ReturnType<typeof owner> | undefined;
const checked = () => (uuidSub ??= { ...owner(), sub: randomUUID() });

describe('the database goes away and comes back', () => {
  it('answers SERVICE_UNAVAILABLE (503) at once while it is gone, logs one line per request, and serves again after', async () => {
    expect((await hub.post(owner(), READ)).status).toBe(200);
    expect((await hub.post(owner(), GRANT, { input: guaranteeInput(refs) })).json.errors).toBeUndefined();

    await proxy.cut();
    lines.length = 0;
    const failed = [];
    for (let i = 0; i < 5; i++) {
      failed.push(await hub.post(owner(), READ));
      failed.push(await hub.post(owner(), GRANT, { input: guaranteeInput(refs) }));
      failed.push(await hub.post(checked(), READ));
    }
    for (const reply of failed) {
      expect(reply.status).toBe(503);
      expect(reply.json.errors?.map((e) => e.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE' }]);
      expect(reply.json.data ?? null).toBeNull();
      expect(reply.ms).toBeLessThan(1_500);
    }
    const health = await hub.health();
    expect(health.status).toBe(503);
    expect((await hub.health()).status).toBe(503);
    // One line per failed request, one for the health check turning bad, one for the pool losing its connections.
    expect(lines.filter((l) => !l.includes('"msg":"request"')).length).toBeLessThanOrEqual(failed.length + 2);
    expect(lines.filter((l) => /"stack"|\\n\s+at /.test(l))).toEqual([]);

    await proxy.restore();
    expect((await hub.health()).status).toBe(200);
    expect((await hub.post(owner(), READ)).status).toBe(200);
    expect((await hub.post(checked(), READ)).status).toBe(200);
    const grant = await hub.post(owner(), GRANT, { input: guaranteeInput(refs) });
    expect(grant.json.errors).toBeUndefined();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE institution_id = $1`, [refs.institutionId]);
    expect(n).toBe(2);
  });
});
