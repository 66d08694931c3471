import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { createDataSource } from '../../src/app/data-source';
import { createHttpServer } from '../../src/app/server';
import { testDataSource } from '../support/db';

const SECRET = 'health-test-secret-0123456789abcdefghij';
let server: http.Server | undefined;

async function serve(dataSource: DataSource, nodeEnv: 'development' | 'production' | 'test' | undefined): Promise<string> {
  const config = loadConfig({ ...(nodeEnv ? { NODE_ENV: nodeEnv } : {}), JWT_SECRET: SECRET });
  ({ server } = await createHttpServer({ config, dataSource, log: pino({ level: 'silent' }), jwtSecret: SECRET }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('/healthz', () => {
  it('answers 200 when the database answers', async () => {
    const base = await serve(await testDataSource(), 'production');
    const res = await fetch(`${base}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok', database: 'ok' }]);
  });

  it('answers 503 when it does not', async () => {
    const unreachable = createDataSource('postgres://nobody@127.0.0.1:1/none');
    const base = await serve(unreachable, 'production');
    const res = await fetch(`${base}/healthz`);
    expect([res.status, await res.json()]).toEqual([503, { status: 'unavailable', database: 'unreachable' }]);
  });
});

describe('the schema explorer', () => {
  it('is served by the hub itself in development, with no asset from a CDN', async () => {
    const base = await serve(await testDataSource(), 'development');
    const res = await fetch(`${base}/explorer`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/graphql');
    const external = [...html.matchAll(/(?:src|href)=["'](https?:)?\/\/[^"']+/g)].map((m) => m[0]);
    expect(external).toEqual([]);
    const script = /src=["']([^"']+\.js)["']/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(new URL(script!, `${base}/explorer/`))).status).toBe(200);
  });

  it("opens on the hub's title, with the bearer token ready to fill in the Auth tab and no cloud banner", async () => {
    const base = await serve(await testDataSource(), 'development');
    const html = await (await fetch(`${base}/explorer`)).text();
    expect(html).toContain('<title>聊城市政府性融资担保数据中台 · GraphQL</title>');
    expect(html).toContain("'banners.disable': true");
    expect(html).toMatch(/initialAuthorization: \{\s*type: `bearer`/);
    expect(html).toContain('Auth tab');
  });

  it('is not served in production, nor when NODE_ENV is unset or test: it is opt-in (NODE_ENV=development)', async () => {
    for (const env of ['production', undefined, 'test'] as const) {
      const base = await serve(await testDataSource(), env);
      expect((await fetch(`${base}/explorer`)).status, String(env)).toBe(404);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });
});
