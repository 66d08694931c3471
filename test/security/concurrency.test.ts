import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Role } from '../../src/access/roles';
import { createDataSource } from '../../src/app/data-source';
import { KNOWN_CODES } from '../../src/platform/errors';
import { createBank, createBorrower, createInstitution, guaranteeInput, regionId, unique } from '../fixtures/business';
import { IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { pollWhile, serveHub, type HttpReply, type TestHub } from '../support/http';

/**
 * DESIGN.md §6 Concurrency, over real HTTP on real PostgreSQL: a request's statements run on one connection
 * (its unit of work's), so parallel writes from one institution can queue for the pool but never deadlock it,
 * and a request that cannot get a connection in time is refused with SERVICE_UNAVAILABLE (503), not left hanging.
 * Before the unit of work (issue 8 item 1), 20 parallel grants left all 10 pooled connections idle in
 * transaction, each waiting for an eleventh for the policy lookup, and /healthz stopped answering.
 */
const GRANT = `mutation ($input: GuaranteeInput!) { createGuarantee(input: $input) { id } }`;
const PARALLEL = 50;
const opened: DataSource[] = [];
const hubs: TestHub[] = [];
let refs: { institutionId: string; bankId: string; regionId: string };

async function hubOn(options: Parameters<typeof createDataSource>[1]): Promise<{ hub: TestHub; ds: DataSource }> {
  const ds = await createDataSource(inject('databaseUrl'), options).initialize();
  opened.push(ds);
  const hub = await serveHub(ds);
  hubs.push(hub);
  return { hub, ds };
}

beforeAll(async () => {
  const ds = await createDataSource(inject('databaseUrl'), { poolSize: 2 }).initialize();
  opened.push(ds);
  const institution = await createInstitution(ds.manager);
  const bank = await createBank(ds.manager);
  refs = { institutionId: institution.id, bankId: bank.id, regionId: await regionId(ds.manager) };
});
afterAll(async () => {
  for (const hub of hubs) await hub.close();
  for (const ds of opened) if (ds.isInitialized) await ds.destroy();
});

const owner = () => viewer(Role.GUARANTEE_INSTITUTION, { institutionId: refs.institutionId });

/** Accepted (200 with data) or refused with a catalogue code other than INTERNAL_SERVER_ERROR. */
function outcome(reply: HttpReply, field: string): string {
  if (reply.status === 200 && reply.json.data?.[field] && !reply.json.errors) return 'accepted';
  const codes = (reply.json.errors ?? []).map((e) => String(e.extensions?.code));
  expect(codes.length, JSON.stringify(reply.json)).toBeGreaterThan(0);
  for (const code of codes) expect(KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR', code).toBe(true);
  return codes.join(',');
}

async function burst(hub: TestHub, send: () => Promise<HttpReply>): Promise<HttpReply[]> {
  expect((await hub.health()).status).toBe(200); // as a load balancer's probes would, before the burst
  const health = pollWhile(() => hub.health());
  const replies = await Promise.all(Array.from({ length: PARALLEL }, send));
  const probes = await health.stop();
  expect(probes.length).toBeGreaterThan(0);
  for (const probe of probes) {
    expect(probe.status).toBe(200);
    expect(probe.ms).toBeLessThan(2_000);
  }
  return replies;
}

describe('parallel writes from one institution against a pool of 10', () => {
  it(`${PARALLEL} createGuarantee all finish, each accepted and stored or cleanly refused; /healthz answers within 2 s throughout`, async () => {
    const { hub, ds } = await hubOn({ poolSize: 10 });
    const codes = Array.from({ length: PARALLEL }, () => unique('PAR-'));
    let i = 0;
    const replies = await burst(hub, () => hub.post(owner(), GRANT, { input: guaranteeInput(refs, { code: codes[i++] }) }));

    const outcomes = replies.map((r) => outcome(r, 'createGuarantee'));
    // Nothing here conflicts: a grant is accepted, or (on a slow machine) refused when it waited past the pool
    // wait or lock timeout. Every accepted one is stored, no refused one is.
    expect(outcomes.filter((o) => o !== 'accepted' && o !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const accepted = codes.filter((_, k) => outcomes[k] === 'accepted');
    expect(accepted.length).toBeGreaterThan(0);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE code = ANY($1)`, [codes]);
    expect(n).toBe(accepted.length);
  });

  it(`${PARALLEL} parallel one-row importGuarantees all finish, and /healthz answers within 2 s throughout`, async () => {
    const { hub, ds } = await hubOn({ poolSize: 10 });
    const codes = Array.from({ length: PARALLEL }, () => unique('PIM-'));
    let i = 0;
    const replies = await burst(hub, () =>
      hub.post(owner(), IMPORT_GUARANTEES, { institutionId: refs.institutionId, csv: toCsv([csvRow(refs.bankId, codes[i++])]) }),
    );

    const outcomes = replies.map((r) => outcome(r, 'importGuarantees'));
    // Imports run one at a time hub-wide (grant.batch.ts): on a slow machine the last in line may wait past the
    // pool wait or lock timeout and be refused cleanly. Every accepted row is stored, no refused one is.
    expect(outcomes.filter((o) => o !== 'accepted' && o !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const accepted = replies.filter((_, k) => outcomes[k] === 'accepted');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.map((r) => r.json.data!.importGuarantees.acceptedCount)).toEqual(Array(accepted.length).fill(1));
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE code = ANY($1)`, [codes]);
    expect(n).toBe(accepted.length);
  });
});

describe('one connection per request', () => {
  it('a write and its policy lookup run on the one connection of a pool of 1 (a second would time out)', async () => {
    // The pool-wait timeout is short: any statement of the request sent to the pool rather than to the
    // write's transaction would wait for the only connection, which the transaction holds, and fail.
    const { hub, ds } = await hubOn({ poolSize: 1, poolWaitMs: 1_000 });
    const grant = await hub.post(owner(), GRANT, { input: guaranteeInput(refs) });
    expect(grant.json.errors).toBeUndefined();
    expect(grant.status).toBe(200);
    const imported = await hub.post(owner(), IMPORT_GUARANTEES, {
      institutionId: refs.institutionId,
      csv: toCsv([csvRow(refs.bankId, unique('ONE-'))]),
    });
    expect(imported.json).toEqual({ data: { importGuarantees: { acceptedCount: 1, duplicateCount: 0, rejected: [] } } });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE id = $1`, [grant.json.data!.createGuarantee.id]);
    expect(n).toBe(1);
  });

  it('a request that cannot get a connection within the pool wait is answered SERVICE_UNAVAILABLE (503), not left hanging', async () => {
    const { hub, ds } = await hubOn({ poolSize: 1, poolWaitMs: 300 });
    const runner = ds.createQueryRunner();
    await runner.connect(); // holds the only connection
    try {
      const read = await hub.post(owner(), `{ banks { id } }`);
      expect([read.status, read.json.errors?.map((e) => e.extensions?.code)]).toEqual([503, ['SERVICE_UNAVAILABLE']]);
      expect(read.json.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      // Answered while the connection is still held (released below): the pool wait ended it, not a release.
      const write = await hub.post(owner(), GRANT, { input: guaranteeInput(refs) });
      expect([write.status, write.json.errors?.map((e) => e.extensions?.code)]).toEqual([503, ['SERVICE_UNAVAILABLE']]);
    } finally {
      await runner.release();
    }
    expect((await hub.post(owner(), `{ banks { id } }`)).status).toBe(200);
  });
});

describe('timeouts on every connection', () => {
  it('sets statement, lock and idle-in-transaction timeouts from the configuration', async () => {
    const { ds } = await hubOn({ poolSize: 1, statementTimeoutMs: 7_000, lockTimeoutMs: 3_000, idleInTransactionTimeoutMs: 9_000 });
    const [row] = await ds.query(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(row).toEqual({ statement: '7s', lock: '3s', idle: '9s' });
  });

  it('a write that waits on a lock past lock_timeout is SERVICE_UNAVAILABLE (503) and writes nothing', async () => {
    const { hub, ds } = await hubOn({ poolSize: 2, lockTimeoutMs: 300 });
    const borrower = await createBorrower(ds.manager, refs.institutionId, { kind: 'MICRO_ENTERPRISE' });
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM borrower WHERE id = $1 FOR UPDATE`, [borrower.id]);
    const code = unique('LOCK-');
    try {
      const input = guaranteeInput(refs, { code, borrower: { identifier: borrower.identifier, kind: 'MICRO_ENTERPRISE' } });
      const reply = await hub.post(owner(), GRANT, { input });
      // Answered while the lock is still held (released below): lock_timeout ended the wait.
      expect([reply.status, reply.json.errors?.map((e) => e.extensions?.code)]).toEqual([503, ['SERVICE_UNAVAILABLE']]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE code = $1`, [code])).toEqual([{ n: 0 }]);
  });
});
