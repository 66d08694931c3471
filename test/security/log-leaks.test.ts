import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { formatError } from '../../src/platform/errors';
import { createLogger } from '../../src/platform/logger';
import { createHttpServer } from '../../src/app/server';
import { testDataSource } from '../support/db';

/**
 * Attack: make the hub write what it must keep to itself into its logs — a statement that fails on a borrower's
 * identifier, a login whose body is not JSON (DESIGN.md §6: logs never hold identifiers in full, names, passwords,
 * tokens or request bodies). Every line the hub's logger writes is captured and searched.
 */
const IDENTIFIER = '371502199001011234';
const NAME = '张某某';
const PASSWORD = 'Secret-Passw0rd-for-the-log-test';
const SECRETS = [IDENTIFIER, NAME, PASSWORD];

function capturedLogger() {
  const lines: string[] = [];
  const log = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { log, text: () => lines.join('') };
}

describe('the logger', () => {
  it('redacts credentials, borrower identity, bodies and bound parameters by key', () => {
    const { log, text } = capturedLogger();
    log.info({ args: { password: PASSWORD, token: PASSWORD, identifier: IDENTIFIER, borrowerName: NAME } }, 'arguments');
    log.info({ body: { query: 'mutation', variables: { password: PASSWORD } } }, 'a body');
    log.info({ variables: { input: { borrower: NAME } }, parameters: [IDENTIFIER] }, 'a statement');
    for (const secret of SECRETS) expect(text()).not.toContain(secret);
    expect(text()).toContain('[redacted]');
  });

  it('logs a failed statement (real PostgreSQL) through formatError without its SQL, parameters or quoted values', async () => {
    const ds = await testDataSource();
    const failed = await ds
      .query(`SELECT $1::int AS n, $2::text AS name, $3::text AS password`, [IDENTIFIER + 'x', NAME, PASSWORD])
      .catch((err: unknown) => err as Error);
    // What the error object carries, and what a careless log line would print.
    expect(JSON.stringify({ ...failed, message: failed.message })).toContain(IDENTIFIER);
    const { log, text } = capturedLogger();
    const answer = formatError(
      { message: failed.message, extensions: {} },
      new GraphQLError(failed.message, { originalError: failed }),
      (err) => log.error({ err }, 'unexpected error in a resolver'),
    );
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text()).toContain('for type integer');
    for (const secret of SECRETS) expect(text()).not.toContain(secret);
  });
});

describe('a request body that is not JSON', () => {
  let server: http.Server;
  let url: string;
  const captured = capturedLogger();

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'log-test-secret-0123456789abcdefghijklmnop' });
    ({ server } = await createHttpServer({ config, dataSource: await testDataSource(), log: captured.log, jwtSecret: config.jwtSecret! }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('gets a JSON 400 GraphQL-style error that echoes nothing, and nothing of it reaches stderr or the log', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleError = vi.spyOn(console, 'error');
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"mutation { login(username: \\"${NAME}\\", password: \\"${PASSWORD}\\") { token } }", ${IDENTIFIER}`,
      });
      const body = await res.text();
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(body).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_REQUEST']);
      const printed = [...stderr.mock.calls, ...consoleError.mock.calls].map((call) => String(call[0])).join('\n');
      for (const secret of SECRETS) {
        expect(body).not.toContain(secret);
        expect(printed).not.toContain(secret);
        expect(captured.text()).not.toContain(secret);
      }
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
    }
  });
});
