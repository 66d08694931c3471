import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ALL_ROLES, Role } from '../src/access/roles';
import { resolveJwtSecret } from '../src/access/secret';
import { signToken, verifyToken } from '../src/access/token';
import { REGION_NARROWABLE, type Viewer } from '../src/access/viewer';
import { ConfigError, loadConfig, redactUrl, type Config } from '../src/platform/config';
import { isUuid } from '../src/platform/lib/ids';

/**
 * Prints a bearer token for a role, signed with the hub's secret (JWT_SECRET, or in development the one
 * kept in the data dir), e.g. `npm run token -- --role FINANCE --region-code 371502`. The token goes to
 * stdout alone, so `TOKEN=$(npm run -s token -- --role ADMIN)` works; everything else goes to stderr.
 */
const USAGE = `usage: npm run token -- --role ROLE [--region-code CODE | --region-id ID] [--institution-id ID] [--bank-id ID] [--sub NAME] [--expires-in 8h]
roles: ${ALL_ROLES.join(', ')}
  GUARANTEE_INSTITUTION needs --institution-id, BANK needs --bank-id, LOCAL_GOVERNMENT needs a region.
  --region-code (e.g. 371502 东昌府区) is looked up in the database: DATABASE_URL, or the running embedded hub.`;

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      'region-code': { type: 'string' },
      'region-id': { type: 'string' },
      'institution-id': { type: 'string' },
      'bank-id': { type: 'string' },
      sub: { type: 'string' },
      'expires-in': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const role = values.role?.toUpperCase() as Role | undefined;
  if (!role || !ALL_ROLES.includes(role)) throw new UsageError(values.role ? `unknown role ${values.role}` : '--role is required');
  const config = loadConfig();

  if (values['region-code'] && values['region-id']) throw new UsageError('give --region-code or --region-id, not both');
  let regionId = values['region-id'] ?? null;
  if (values['region-code']) regionId = await regionByCode(config, values['region-code']);
  const viewer: Viewer = {
    sub: values.sub ?? `cli:${os.userInfo().username}`,
    role,
    regionId: option('--region-id', regionId),
    institutionId: option('--institution-id', values['institution-id'] ?? null),
    bankId: option('--bank-id', values['bank-id'] ?? null),
  };
  if (viewer.regionId && !REGION_NARROWABLE.has(role)) throw new UsageError(`${role} is not narrowed by a region`);
  if (viewer.institutionId && role !== Role.GUARANTEE_INSTITUTION)
    throw new UsageError('--institution-id is for GUARANTEE_INSTITUTION only');
  if (viewer.bankId && role !== Role.BANK) throw new UsageError('--bank-id is for BANK only');

  const secret = resolveJwtSecret(config);
  const token = await signToken(secret, viewer, values['expires-in'] ?? config.jwtExpiresIn);
  // The hub's own check: a token this prints is one the hub accepts (role needs its scope id, ids are hub ids).
  await verifyToken(secret, token).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  console.error(`${role} token for ${viewer.sub}${describeScope(viewer)}, valid ${values['expires-in'] ?? config.jwtExpiresIn}:`);
  console.log(token);
}

function option(flag: string, value: string | null): string | null {
  if (value !== null && !isUuid(value)) throw new UsageError(`${flag} must be a hub id (a UUID), not "${value}"`);
  return value?.toLowerCase() ?? null;
}

function describeScope(v: Viewer): string {
  const parts = [
    v.regionId && `region ${v.regionId}`,
    v.institutionId && `institution ${v.institutionId}`,
    v.bankId && `bank ${v.bankId}`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** A region's id by its code, from DATABASE_URL or the embedded database a running hub advertises. */
async function regionByCode(config: Config, code: string): Promise<string> {
  const embeddedFile = path.join(config.dataDir, 'embedded-url');
  const url = config.databaseUrl ?? (fs.existsSync(embeddedFile) ? fs.readFileSync(embeddedFile, 'utf8').trim() : undefined);
  if (!url) {
    throw new UsageError(
      `--region-code needs the database: start the hub (npm start) so its embedded database is running, set DATABASE_URL, or pass --region-id <uuid> instead (no ${embeddedFile}).`,
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new UsageError(`cannot reach the database at ${redactUrl(url)} to look up region ${code}: ${(err as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM region WHERE code = $1', [code]).catch((err: { code?: string }) => {
      if (err.code === '42P01')
        throw new UsageError(`the database at ${redactUrl(url)} has no hub tables yet: start the hub on it once (npm start)`);
      throw err;
    });
    if (!rows[0])
      throw new UsageError(`no region has code ${code} (regions: the city 371500, its counties and districts 3715xx, the zones)`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

main().catch((err: Error) => {
  if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`token: ${err.message}`);
    if (err instanceof UsageError) console.error(USAGE.split('\n')[0]);
    process.exit(2);
  }
  console.error(`token: ${err.message}`);
  process.exit(1);
});
