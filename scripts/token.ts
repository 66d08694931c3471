import os from 'node:os';
import { Option } from 'commander';
import { ALL_ROLES, Role } from '../src/access/roles';
import { resolveJwtSecret } from '../src/access/secret';
import { signToken, verifyToken } from '../src/access/token';
import { REGION_NARROWABLE, type Viewer } from '../src/access/viewer';
import { ConfigError, loadConfig, type Config } from '../src/platform/config';
import { isUuid } from '../src/platform/lib/ids';
import { UsageError, command, connectFor, oneOf, parse, resolveId, usageFailure } from './cli';

/**
 * Prints a bearer token for a role, signed with the hub's secret (JWT_SECRET, or the one generated into the data
 * dir), e.g. `TOKEN=$(npm run -s token -- --role FINANCE --region 371502)`. The token goes to stdout alone;
 * everything else goes to stderr.
 */
const LIFETIME = /^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/i;

function lifetime(value: string): string {
  if (LIFETIME.test(value.trim())) return value.trim();
  throw new UsageError(
    `--expires-in "${value}" is not a lifetime: give one such as 30m, 8h or 7d. Tokens always expire, and the hub honours one ` +
      `at most JWT_MAX_LIFETIME (default 24h) after it was issued.`,
  );
}

const program = command('token', "Print a bearer token for a role, signed with the hub's secret.")
  .addOption(new Option('--role <role>', `the role: ${ALL_ROLES.join(', ')}`).argParser(oneOf(ALL_ROLES, 'role')).makeOptionMandatory())
  .option('--region <code|id>', 'narrow a government role to a region: its code (371502 东昌府区) or its id; needed by LOCAL_GOVERNMENT')
  .option('--region-code <code>', 'the same, by code (kept for older scripts)')
  .option('--region-id <id>', 'the same, by id')
  .option('--institution-id <id|credit code>', 'GUARANTEE_INSTITUTION: the institution, by id or unified social credit code')
  .option('--bank-id <id>', 'BANK: the bank, by id')
  .option('--sub <name>', 'the caller named in the token and the audit log', `cli:${os.userInfo().username}`)
  .option('--expires-in <lifetime>', 'lifetime such as 30m, 8h or 1d (default JWT_EXPIRES_IN, 8h)')
  .addHelpText(
    'after',
    `
A code (region, credit code) is looked up in the database: DATABASE_URL, or the embedded one of a running hub.
Examples:
  TOKEN=$(npm run -s token -- --role FINANCE)
  TOKEN=$(npm run -s token -- --role LOCAL_GOVERNMENT --region 371502)
  curl -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
       -d '{"query":"{ me { role regionId } }"}' http://127.0.0.1:4000/graphql`,
  );

interface Options {
  role: Role;
  region?: string;
  regionCode?: string;
  regionId?: string;
  institutionId?: string;
  bankId?: string;
  sub: string;
  expiresIn?: string;
}

async function main(): Promise<void> {
  const o = parse(program).opts<Options>();
  const regions = [o.region, o.regionCode, o.regionId].filter((v) => v !== undefined);
  if (regions.length > 1) throw new UsageError('give one of --region, --region-code and --region-id');
  const config = loadConfig();
  const expiresIn = lifetime(o.expiresIn ?? config.jwtExpiresIn);
  const viewer: Viewer = {
    sub: o.sub,
    role: o.role,
    regionId: regions[0] === undefined ? null : await lookUp(config, 'region', regions[0]),
    institutionId: o.institutionId === undefined ? null : await lookUp(config, 'institution', o.institutionId),
    bankId: o.bankId === undefined ? null : uuid('--bank-id', o.bankId),
  };
  if (viewer.regionId && !REGION_NARROWABLE.has(o.role)) throw new UsageError(`${o.role} is not narrowed by a region`);
  if (viewer.institutionId && o.role !== Role.GUARANTEE_INSTITUTION)
    throw new UsageError('--institution-id is for GUARANTEE_INSTITUTION only');
  if (viewer.bankId && o.role !== Role.BANK) throw new UsageError('--bank-id is for BANK only');

  const secret = resolveJwtSecret(config);
  const token = await signToken(secret, viewer, expiresIn);
  // The hub's own check: a token this prints is one the hub accepts (role needs its scope id, ids are hub ids).
  await verifyToken(secret, token).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  process.stderr.write(`${o.role} token for ${viewer.sub}${describeScope(viewer)}, valid ${expiresIn}:\n`);
  process.stdout.write(`${token}\n`);
}

function uuid(flag: string, value: string): string {
  if (!isUuid(value)) throw new UsageError(`${flag} must be a hub id (a UUID), not "${value}"`);
  return value.toLowerCase();
}

/** An id as given, or a code looked up (only then is the database needed). */
async function lookUp(config: Config, kind: 'region' | 'institution', value: string): Promise<string> {
  if (isUuid(value)) return value.toLowerCase();
  const { client, url } = await connectFor(config, `a ${kind} code (${value})`);
  try {
    return await resolveId(client, kind, value, url);
  } finally {
    await client.end();
  }
}

function describeScope(v: Viewer): string {
  const parts = [
    v.regionId && `region ${v.regionId}`,
    v.institutionId && `institution ${v.institutionId}`,
    v.bankId && `bank ${v.bankId}`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

main().catch((err: Error) => {
  if (err instanceof UsageError || err instanceof ConfigError) usageFailure('token', err);
  process.stderr.write(`token: ${err.message}\n`);
  process.exit(1);
});
