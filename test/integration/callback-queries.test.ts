import pg from 'pg';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { describe, expect, it } from 'vitest';
import { queryTail } from '../../src/platform/db/one-query-at-a-time';
import { testDataSource } from '../support/db';

/**
 * platform/db/callback-queries.ts and the tail of one-query-at-a-time.ts: a statement's result is held by nothing
 * once its caller is done with it (pg's own promise, and a tail that settled to the rows, kept each page's rows
 * alive through V8's young-generation collections). What is visible from here: the call reaches pg with a callback,
 * it answers as pg's promise did, and a runner's tail settles to nothing.
 */
describe('statements answered through a callback', () => {
  it('answers a call without a callback with pg’s result (rows, fields, row mode)', async () => {
    const ds = await testDataSource();
    const client = await (ds.driver as unknown as { master: pg.Pool }).master.connect();
    try {
      // Installed on pg's client for the whole process (the data source imports it).
      expect((pg.Client.prototype as unknown as Record<symbol, unknown>)[Symbol.for('liaocheng-hub.callback-queries')]).toBe(true);
      const result = await client.query({ text: 'SELECT $1::int + 1 AS n, $2::text AS t', values: [41, '聊城'] });
      expect(result.rows).toEqual([{ n: 42, t: '聊城' }]);
      expect(result.fields.map((f) => f.name)).toEqual(['n', 't']);
      expect((await client.query({ text: 'SELECT 1 AS a, 2 AS b', rowMode: 'array' })).rows).toEqual([[1, 2]]);
      // A call with a callback is pg's own, unchanged.
      const viaCallback = await new Promise<pg.QueryResult>((resolve, reject) =>
        client.query('SELECT 2 AS n', (err: Error | null, res: pg.QueryResult) => (err ? reject(err) : resolve(res))),
      );
      expect(viaCallback.rows).toEqual([{ n: 2 }]);
    } finally {
      client.release();
    }
  });

  it('rejects with pg’s error, its stack leading back to the caller', async () => {
    const ds = await testDataSource();
    const client = await (ds.driver as unknown as { master: pg.Pool }).master.connect();
    try {
      const err = (await client.query('SELECT 1/0').catch((e: unknown) => e)) as pg.DatabaseError;
      expect(err).toBeInstanceOf(Error);
      expect(err.code).toBe('22012');
      expect(err.message).toMatch(/division by zero/);
      expect(err.stack).toContain('callback-queries.test');
      // The client stays usable.
      expect((await client.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
    } finally {
      client.release();
    }
  });

  it('keeps no statement’s rows in a runner’s tail', async () => {
    const ds = await testDataSource();
    const runner = ds.createQueryRunner() as PostgresQueryRunner;
    try {
      const rows = await runner.query('SELECT g AS n FROM generate_series(1, 3) g');
      expect(rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await expect(queryTail(runner)).resolves.toBeUndefined();
      await runner.query('SELECT 1/0').catch(() => undefined);
      await expect(queryTail(runner)).resolves.toBeUndefined();
    } finally {
      await runner.release();
    }
  });
});
