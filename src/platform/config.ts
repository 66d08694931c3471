import path from 'node:path';

/**
 * The one reader of process.env. Everything the hub can be told from outside is here,
 * validated once and frozen; the rest of the program takes a Config.
 */
export interface Config {
  readonly nodeEnv: 'production' | 'development' | 'test';
  readonly port: number;
  /** External PostgreSQL; when absent the hub runs an embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** HS256 secret; in development it may be absent and is then generated once into the data dir. */
  readonly jwtSecret: string | undefined;
  readonly jwtExpiresIn: string;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = parseNodeEnv(env.NODE_ENV);
  const port = parsePort(env.PORT ?? '4000');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) assertPostgresUrl(databaseUrl);
  const jwtSecret = env.JWT_SECRET || undefined;
  if (nodeEnv === 'production' && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  return Object.freeze({
    nodeEnv,
    port,
    databaseUrl,
    dataDir: path.resolve(env.HUB_DATA_DIR || 'data'),
    jwtSecret,
    jwtExpiresIn: env.JWT_EXPIRES_IN || '8h',
    adminPassword: env.HUB_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
  });
}

function parseNodeEnv(value: string | undefined): Config['nodeEnv'] {
  if (value === undefined || value === '' || value === 'development') return 'development';
  if (value === 'production' || value === 'test') return value;
  throw new ConfigError(`NODE_ENV must be production, development or test, not "${value}"`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

function assertPostgresUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL must name a database (postgres://…/hub)');
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
