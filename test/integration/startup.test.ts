import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createScratchDatabase } from '../support/scratch';
import { killStartedHubs, runHubToExit, startHub } from '../support/process';

afterEach(killStartedHubs);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function regionCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM region');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function health(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: await res.json() };
}

// initdb, migrations and ts-node on a loaded two-core machine can take most of a minute per start.
describe('npm start on an embedded PostgreSQL', { timeout: 180_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-start-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty data dir, serves /healthz and stops its database on SIGTERM', async () => {
    const hub = await startHub({ HUB_DATA_DIR: dataDir });
    expect(hub.output()).toMatch(/"database":"embedded PostgreSQL in .*pg/);
    expect(await health(hub.port)).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });
    const url = fs.readFileSync(path.join(dataDir, 'embedded-url'), 'utf8').trim();
    expect(await regionCount(url)).toBe(12);
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    // DESIGN.md §4: stdout is JSON lines and nothing else, from the first line to the last.
    const lines = hub.stdout().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const listening = lines.map((l) => JSON.parse(l)).find((l) => String(l.msg).startsWith('hub listening'));
    expect(listening).toMatchObject({ host: '127.0.0.1', msg: `hub listening on http://127.0.0.1:${hub.port}/graphql` });
    expect(lines.some((l) => JSON.parse(l).msg === 'request' && JSON.parse(l).path === '/healthz')).toBe(true);
  });

  it('starts again on the same data dir with the same data', async () => {
    const hub = await startHub({ HUB_DATA_DIR: dataDir });
    const url = fs.readFileSync(path.join(dataDir, 'embedded-url'), 'utf8').trim();
    expect(await regionCount(url)).toBe(12);
    hub.child.kill('SIGINT');
    expect(await hub.exited).toBe(0);
  });

  it("stops with its database when `npm start` is sent SIGTERM (npm's shell does not pass it on)", async () => {
    const hub = await startHub({ HUB_DATA_DIR: dataDir }, 90_000, 'npm');
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    hub.child.kill('SIGTERM');
    await hub.exited;
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(pid)).toBe(false);
  });

  it('recovers after a crash that left its PostgreSQL running', async () => {
    const first = await startHub({ HUB_DATA_DIR: dataDir });
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(isAlive(pid)).toBe(true); // the orphan a kill -9 leaves behind

    const second = await startHub({ HUB_DATA_DIR: dataDir });
    expect(isAlive(pid)).toBe(false);
    expect((await health(second.port)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('npm start with DATABASE_URL', () => {
  it('migrates and loads reference data into that database', async () => {
    const scratch = await createScratchDatabase('hub_start');
    try {
      const hub = await startHub({ DATABASE_URL: scratch.url, HUB_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hub-ext-')) });
      expect(hub.output()).toContain('"database":"postgres://');
      expect(await regionCount(scratch.url)).toBe(12);
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toBe(0);
    } finally {
      await scratch.drop();
    }
  });

  it('exits non-zero with a clear message when the database cannot be reached', async () => {
    const { code, output } = await runHubToExit({ DATABASE_URL: 'postgres://hub:secret@127.0.0.1:1/hub' });
    expect(code).not.toBe(0);
    expect(output).toContain('cannot connect to postgres://hub:***@127.0.0.1:1/hub');
    expect(output).not.toContain('secret');
  });

  it('exits non-zero when DATABASE_URL is not a PostgreSQL URL', async () => {
    const { code, output } = await runHubToExit({ DATABASE_URL: 'mysql://localhost/hub' });
    expect(code).toBe(2);
    expect(output).toContain('DATABASE_URL must start with postgres://');
    expect(JSON.parse(output.trim().split('\n')[0])).toMatchObject({ level: 60, msg: expect.stringMatching(/^configuration error/) });
  });
});
