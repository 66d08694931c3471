import path from 'node:path';
import { ConfigError, duration, positiveInt } from './config-values';
import { BadSetting, parseAllowList, parseHost, parseMetricsToken, type AllowedNet } from './net-config';

export { ConfigError };

/**
 * The one reader of process.env. Everything the hub can be told from outside is here,
 * validated once and frozen; the rest of the program takes a Config.
 */
export interface Config {
  readonly nodeEnv: 'production' | 'development' | 'test';
  readonly port: number;
  /** HOST: the address to listen on; 127.0.0.1 unless told (behind a load balancer: 0.0.0.0). */
  readonly host: string;
  /** External PostgreSQL; when absent the hub runs an embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** HS256 secret; in development it may be absent and is then generated once into the data dir. */
  readonly jwtSecret: string | undefined;
  readonly jwtExpiresIn: string;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
  /** Express `trust proxy` (TRUST_PROXY): which proxies' X-Forwarded-For names the client; off by default. */
  readonly trustProxy: boolean | number | string;
  readonly limits: Limits;
  /** Pool size and the timeouts that keep a request from hanging on the database (../shared/DESIGN.md §6 Concurrency). */
  readonly database: DatabaseLimits;
  /** Streaming replicas for read-only work (README "Scaling"). */
  readonly replicas: ReplicaSettings;
  /** Who may read /metrics: addresses (METRICS_ALLOW, loopback by default) or a bearer token (METRICS_TOKEN). */
  readonly metrics: MetricsAccess;
}

export interface ReplicaSettings {
  /** DATABASE_REPLICA_URLS, comma-separated; none: the primary serves everything. */
  readonly urls: readonly string[];
  /** HUB_REPLICA_MAX_LAG: a replica lacking WAL the primary had this long ago is skipped. */
  readonly maxLagMs: number;
  /** HUB_REPLICA_PROBE_INTERVAL: how often the primary's WAL position and each replica's replay are read. */
  readonly probeIntervalMs: number;
}

export interface MetricsAccess {
  readonly allow: readonly AllowedNet[];
  readonly token: string | undefined;
}

export interface DatabaseLimits {
  /** DATABASE_POOL_SIZE: connections the hub holds at most. */
  readonly poolSize: number;
  /** DATABASE_POOL_WAIT_MS: how long a request waits for a connection before SERVICE_UNAVAILABLE. */
  readonly poolWaitMs: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: PostgreSQL statement_timeout on every connection. */
  readonly statementTimeoutMs: number;
  /** DATABASE_LOCK_TIMEOUT_MS: PostgreSQL lock_timeout on every connection. */
  readonly lockTimeoutMs: number;
  /** DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: PostgreSQL idle_in_transaction_session_timeout on every connection. */
  readonly idleInTransactionTimeoutMs: number;
}

/**
 * A busy lock or a slow statement fails in seconds rather than holding a pooled connection; a transaction left
 * idle (a stuck request) is ended by the server, so its connection comes back to the pool.
 */
export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = Object.freeze({
  poolSize: 10,
  poolWaitMs: 5_000,
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 60_000,
});

/** ../shared/DESIGN.md §6 "Abuse": every limit a client can meet, with defaults a real client never hits (README "Limits"). */
export interface Limits {
  readonly queryMaxDepth: number;
  readonly queryMaxAliases: number;
  readonly queryMaxTokens: number;
  readonly queryMaxDirectives: number;
  /** Estimated objects a query may resolve: a list counts its `first:` (or an assumed size) times its items. */
  readonly queryMaxCost: number;
  readonly bodyMaxBytes: number;
  /** Seconds a token is honoured after its `iat`, whatever its `exp`. */
  readonly jwtMaxLifetimeSeconds: number;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerAddress: number;
  readonly loginFailureWindowSeconds: number;
  /** argon2 checks at once, and how many more may wait for a turn before TOO_MANY_REQUESTS. */
  readonly passwordChecksAtOnce: number;
  readonly passwordChecksQueued: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  queryMaxDepth: 15,
  queryMaxAliases: 50,
  queryMaxTokens: 10_000,
  queryMaxDirectives: 50,
  queryMaxCost: 50_000,
  bodyMaxBytes: 1024 * 1024,
  jwtMaxLifetimeSeconds: 24 * 3600,
  loginMaxFailuresPerAccount: 10,
  loginMaxFailuresPerAddress: 100,
  loginFailureWindowSeconds: 15 * 60,
  passwordChecksAtOnce: 2,
  passwordChecksQueued: 16,
});

/** `needsSecret: false` for the commands that sign nothing (import, seed:demo, bench): JWT_SECRET is then not required. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { needsSecret?: boolean } = {}): Config {
  const nodeEnv = parseNodeEnv(env.NODE_ENV);
  const port = parsePort(env.PORT ?? '4000');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) assertPostgresUrl(databaseUrl);
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '').split(',').flatMap((u) => (u.trim() ? [u.trim()] : []));
  for (const url of replicaUrls) assertPostgresUrl(url, 'DATABASE_REPLICA_URLS');
  if (replicaUrls.length > 0 && databaseUrl === undefined) throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary)');
  const jwtSecret = env.JWT_SECRET || undefined;
  // An unset NODE_ENV is production, but `npm start` on a laptop (embedded database, one hub, its own data dir) may
  // keep a generated secret there; hubs sharing a DATABASE_URL must share a secret, and NODE_ENV=production says so.
  if (
    options.needsSecret !== false &&
    jwtSecret === undefined &&
    (env.NODE_ENV === 'production' || (nodeEnv === 'production' && databaseUrl !== undefined))
  ) {
    throw new ConfigError(
      'JWT_SECRET is required when NODE_ENV=production, and with DATABASE_URL unless NODE_ENV=development (hubs on one database share one secret)',
    );
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  return Object.freeze({
    nodeEnv,
    port,
    host: setting(() => parseHost(env.HOST)),
    databaseUrl,
    dataDir: path.resolve(env.HUB_DATA_DIR || 'data'),
    jwtSecret,
    jwtExpiresIn: env.JWT_EXPIRES_IN || '8h',
    adminPassword: env.HUB_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    limits: loadLimits(env),
    database: Object.freeze({
      poolSize: positiveInt(env, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_LIMITS.poolSize),
      poolWaitMs: positiveInt(env, 'DATABASE_POOL_WAIT_MS', DEFAULT_DATABASE_LIMITS.poolWaitMs),
      statementTimeoutMs: positiveInt(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_LIMITS.statementTimeoutMs),
      lockTimeoutMs: positiveInt(env, 'DATABASE_LOCK_TIMEOUT_MS', DEFAULT_DATABASE_LIMITS.lockTimeoutMs),
      idleInTransactionTimeoutMs: positiveInt(
        env,
        'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        DEFAULT_DATABASE_LIMITS.idleInTransactionTimeoutMs,
      ),
    }),
    replicas: Object.freeze({
      urls: Object.freeze(replicaUrls),
      maxLagMs: duration(env, 'HUB_REPLICA_MAX_LAG', 5, 'ms'),
      probeIntervalMs: duration(env, 'HUB_REPLICA_PROBE_INTERVAL', 1, 'ms'),
    }),
    metrics: Object.freeze({
      allow: setting(() => parseAllowList(env.METRICS_ALLOW)),
      token: setting(() => parseMetricsToken(env.METRICS_TOKEN)),
    }),
  });
}

function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof BadSetting) throw new ConfigError(err.message);
    throw err;
  }
}

function loadLimits(env: NodeJS.ProcessEnv): Limits {
  const d = DEFAULT_LIMITS;
  return Object.freeze({
    queryMaxDepth: positiveInt(env, 'QUERY_MAX_DEPTH', d.queryMaxDepth),
    queryMaxAliases: positiveInt(env, 'QUERY_MAX_ALIASES', d.queryMaxAliases),
    queryMaxTokens: positiveInt(env, 'QUERY_MAX_TOKENS', d.queryMaxTokens),
    queryMaxDirectives: positiveInt(env, 'QUERY_MAX_DIRECTIVES', d.queryMaxDirectives),
    queryMaxCost: positiveInt(env, 'QUERY_MAX_COST', d.queryMaxCost),
    bodyMaxBytes: positiveInt(env, 'BODY_MAX_BYTES', d.bodyMaxBytes),
    jwtMaxLifetimeSeconds: duration(env, 'JWT_MAX_LIFETIME', d.jwtMaxLifetimeSeconds, 's'),
    loginMaxFailuresPerAccount: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', d.loginMaxFailuresPerAccount),
    loginMaxFailuresPerAddress: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', d.loginMaxFailuresPerAddress),
    loginFailureWindowSeconds: duration(env, 'LOGIN_FAILURE_WINDOW', d.loginFailureWindowSeconds, 's'),
    passwordChecksAtOnce: positiveInt(env, 'PASSWORD_CHECKS_AT_ONCE', d.passwordChecksAtOnce),
    passwordChecksQueued: positiveInt(env, 'PASSWORD_CHECKS_QUEUED', d.passwordChecksQueued),
  });
}

/** Express's `trust proxy`: off, true, a hop count or a list of addresses/subnets ("loopback, 10.0.0.0/8"). */
function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function parseNodeEnv(value: string | undefined): Config['nodeEnv'] {
  // Unset is production: a deployment that forgets NODE_ENV serves no explorer (`npm run dev` sets development).
  if (value === undefined || value === '') return 'production';
  if (value === 'production' || value === 'development' || value === 'test') return value;
  throw new ConfigError(`NODE_ENV must be production, development or test, not "${value}"`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

function assertPostgresUrl(value: string, name = 'DATABASE_URL'): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgres://user:password@host:port/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError(`${name} must name a database (postgres://…/hub)`);
  }
}

/** The URL with its password hidden, for start-up messages and logs. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<invalid url>';
  }
}
