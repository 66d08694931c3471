import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveJwtSecret } from '../../src/access/secret';
import { ConfigError, loadConfig, redactUrl } from '../../src/platform/config';

const SECRET = 's'.repeat(32);

describe('configuration (src/config.ts, the one reader of the environment)', () => {
  it('refuses production without JWT_SECRET, and a secret shorter than 32 characters anywhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET.slice(1) })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
    expect(loadConfig({}).jwtSecret).toBeUndefined();
  });

  it('unset NODE_ENV is production, which needs JWT_SECRET with DATABASE_URL (shared by every hub), not on the embedded database', () => {
    const url = 'postgres://hub@db.example/hub';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ DATABASE_URL: url, NODE_ENV: 'development' }).jwtSecret).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET }).nodeEnv).toBe('production');
    expect(loadConfig({}).nodeEnv).toBe('production');
  });

  it('listens on 127.0.0.1 unless HOST says otherwise, and refuses a HOST that is no address or name', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'hub.intranet' }).host).toBe('hub.intranet');
    expect(() => loadConfig({ HOST: 'http://0.0.0.0' })).toThrow(/HOST/);
  });

  it('defaults to port 4000, ./data and production, and is frozen', () => {
    const config = loadConfig({});
    expect([config.port, config.dataDir, config.nodeEnv, config.databaseUrl]).toEqual([
      4000,
      path.resolve('data'),
      'production',
      undefined,
    ]);
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadConfig({ HUB_DATA_DIR: '/srv/hub', PORT: '0' })).toMatchObject({ dataDir: '/srv/hub', port: 0 });
  });

  it('rejects a port, an environment or a database URL it cannot use', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/hub' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost' })).toThrow(/name a database/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/not a valid URL/);
  });

  it('takes the pool size and the database timeouts from the environment, with defaults, and refuses nonsense', () => {
    expect(loadConfig({}).database).toEqual({
      poolSize: 10,
      poolWaitMs: 5_000,
      statementTimeoutMs: 30_000,
      lockTimeoutMs: 10_000,
      idleInTransactionTimeoutMs: 60_000,
    });
    const set = loadConfig({
      DATABASE_POOL_SIZE: '20',
      DATABASE_POOL_WAIT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '15000',
      DATABASE_LOCK_TIMEOUT_MS: '3000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '20000',
    }).database;
    expect(set).toEqual({
      poolSize: 20,
      poolWaitMs: 2000,
      statementTimeoutMs: 15000,
      lockTimeoutMs: 3000,
      idleInTransactionTimeoutMs: 20000,
    });
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '2s' })).toThrow(/DATABASE_LOCK_TIMEOUT_MS/);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  });

  it('never prints a database password', () => {
    expect(redactUrl('postgres://hub:s3cret@db:5432/hub')).toBe('postgres://hub:***@db:5432/hub');
  });
});

describe('the development JWT secret', () => {
  it('is generated once into the data dir, readable by its owner only, and the same at the next start', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-secret-'));
    try {
      const config = loadConfig({ HUB_DATA_DIR: dataDir });
      const first = resolveJwtSecret(config);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(resolveJwtSecret(config)).toBe(first);
      expect(fs.statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      expect(resolveJwtSecret(loadConfig({ HUB_DATA_DIR: dataDir, JWT_SECRET: SECRET }))).toBe(SECRET);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('read replicas', () => {
  const primary = 'postgres://hub@db:5432/hub';
  // Hubs sharing a DATABASE_URL share a JWT_SECRET (an unset NODE_ENV is production).
  const secret = { JWT_SECRET: 'replica-config-test-secret-0123456789' };

  it('are off by default, with a 5 s lag limit probed every second', () => {
    expect(loadConfig({ ...secret, DATABASE_URL: primary }).replicas).toEqual({ urls: [], maxLagMs: 5_000, probeIntervalMs: 1_000 });
  });

  it('take a comma-separated list and durations in ms, s or m', () => {
    const config = loadConfig({
      ...secret,
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: ' postgres://hub@r1/hub, ,postgres://hub@r2/hub ',
      HUB_REPLICA_MAX_LAG: '1m',
      HUB_REPLICA_PROBE_INTERVAL: '250ms',
    });
    expect(config.replicas).toEqual({ urls: ['postgres://hub@r1/hub', 'postgres://hub@r2/hub'], maxLagMs: 60_000, probeIntervalMs: 250 });
  });

  it('refuse a bad URL, a replica without a primary and a duration under a millisecond', () => {
    expect(() => loadConfig({ ...secret, DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'mysql://r1/hub' })).toThrow(
      /DATABASE_REPLICA_URLS must start/,
    );
    expect(() => loadConfig({ ...secret, DATABASE_REPLICA_URLS: 'postgres://hub@r1/hub' })).toThrow(/needs DATABASE_URL/);
    expect(() => loadConfig({ ...secret, DATABASE_URL: primary, HUB_REPLICA_MAX_LAG: '0' })).toThrow(/HUB_REPLICA_MAX_LAG/);
    expect(() => loadConfig({ ...secret, DATABASE_URL: primary, HUB_REPLICA_PROBE_INTERVAL: 'soon' })).toThrow(
      /HUB_REPLICA_PROBE_INTERVAL/,
    );
  });

  it('leave the second-based durations as they were: 500ms is under a second', () => {
    expect(() => loadConfig({ JWT_MAX_LIFETIME: '500ms' })).toThrow(ConfigError);
    expect(loadConfig({ JWT_MAX_LIFETIME: '90m' }).limits.jwtMaxLifetimeSeconds).toBe(5400);
  });
});
