import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import pg from 'pg';
import { redactUrl, type Config } from '../src/platform/config';
import { isUuid } from '../src/platform/lib/ids';

/**
 * What every command of the hub (scripts/, bench/) shares, so that they agree (issue 9): commander for the
 * arguments; `--help` on stdout with status 0; a usage error on stderr with status 2, naming the valid values
 * and pointing to --help; the command's output alone on stdout, so `X=$(npm run -s …)` captures just it.
 */
export const EXIT_USAGE = 2;

/** A usage error found after parsing (a value that needs the database to check, two options that exclude each other). */
export class UsageError extends Error {}

export function command(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .showHelpAfterError(`(run npm run -s ${name} -- --help for usage)`)
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .exitOverride();
}

/**
 * Parses argv; exits 0 after --help, 2 on a usage error (commander's own exit status is 1). Returns the command
 * with its options read.
 */
export function parse(program: Command, argv: readonly string[] = process.argv): Command {
  try {
    program.parse(argv as string[]);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exit(
        err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version' ? 0 : EXIT_USAGE,
      );
    }
    throw err;
  }
  return program;
}

/** Reports a usage error found after parsing and exits 2. */
export function usageFailure(name: string, err: Error): never {
  process.stderr.write(`${name}: ${err.message}\n(run npm run -s ${name} -- --help for usage)\n`);
  process.exit(EXIT_USAGE);
}

/** A whole number within [min, max], written with digits (1_000 and 1,000 allowed). */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value.replace(/[_,]/g, ''));
    if (!/^[\d_,]+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`);
    }
    return n;
  };
}

/** One of `values`, in any case; the error lists them. */
export function oneOf<T extends string>(values: readonly T[], what: string): (value: string) => T {
  return (value) => {
    const upper = value.trim().toUpperCase() as T;
    if (!values.includes(upper)) throw new InvalidArgumentError(`unknown ${what} "${value}"; ${what}s: ${values.join(', ')}`);
    return upper;
  };
}

/** The database a command works on: DATABASE_URL, or the embedded database of a running hub; undefined if neither. */
export function databaseUrlOf(config: Config): { url: string | undefined; embeddedFile: string } {
  const embeddedFile = path.join(config.dataDir, 'embedded-url');
  const url = config.databaseUrl ?? (fs.existsSync(embeddedFile) ? fs.readFileSync(embeddedFile, 'utf8').trim() : undefined);
  return { url, embeddedFile };
}

/**
 * A hub id from what a person has at hand: the id itself (a UUID), or a code — a region's division code (371502),
 * an institution's unified social credit code. Looked up in the database the command uses.
 */
export async function resolveId(client: pg.Client, kind: 'region' | 'institution', value: string, url: string): Promise<string> {
  if (isUuid(value)) return value.toLowerCase();
  const sql =
    kind === 'region' ? 'SELECT id FROM region WHERE code = $1' : 'SELECT id FROM guarantee_institution WHERE credit_code = upper($1)';
  const { rows } = await client.query<{ id: string }>(sql, [value.trim()]).catch((err: { code?: string }) => {
    if (err.code === '42P01')
      throw new UsageError(`the database at ${redactUrl(url)} has no hub tables yet: start the hub on it once (npm start)`);
    throw err;
  });
  if (!rows[0]) {
    throw new UsageError(
      kind === 'region'
        ? `no region has code ${value} (regions: the city 371500, its counties and districts 3715xx, the zones; or give the region's id)`
        : `no institution has the credit code ${value} (give the institution's id or its 18-character unified social credit code)`,
    );
  }
  return rows[0].id;
}

/** A client on the command's database, or a usage error saying how to get one. */
export async function connectFor(config: Config, need: string): Promise<{ client: pg.Client; url: string }> {
  const { url, embeddedFile } = databaseUrlOf(config);
  if (!url) {
    throw new UsageError(
      `${need} needs the database: set DATABASE_URL, or start the hub (npm start) so its embedded database is running (no ${embeddedFile})`,
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new UsageError(`cannot reach the database at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  return { client, url };
}
