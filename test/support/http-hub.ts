import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { createHttpServer } from '../../src/app/server';
import { testDataSource } from './db';

export const HUB_SECRET = 'security-test-secret-0123456789abcdefghijklmnop';

export interface HubResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

export interface RunningHub {
  url: string;
  post(body: unknown, headers?: Record<string, string>): Promise<HubResponse>;
}

/**
 * The hub's own createHttpServer on the run's database, listening on a free port, closed after the file.
 * `env` is what the hub would read from process.env (NODE_ENV defaults to production: attacks are tried
 * the way they would meet the city's deployment).
 */
export async function startHub(env: Record<string, string> = {}): Promise<RunningHub> {
  const dataSource = await testDataSource();
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: HUB_SECRET, ...env });
  const { server } = await createHttpServer({ config, dataSource, log: pino({ level: 'silent' }), jwtSecret: HUB_SECRET });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => close(server));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    async post(body, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json = {};
      try {
        json = JSON.parse(text);
      } catch {
        // left empty: the test asserts on `text` or the content type
      }
      return { status: res.status, headers: res.headers, text, json };
    },
  };
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The codes of a response's errors, in order. */
export function errorCodes(res: HubResponse): string[] {
  return (res.json.errors ?? []).map((e) => String(e.extensions?.code));
}
