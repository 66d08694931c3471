import { describe, expect, it } from 'vitest';
import { inRollback } from '../support/db';

/**
 * platform/db/one-query-at-a-time.ts: statements started at once on one transaction's connection run one after
 * the other, in the order they were started, and pg never sees two at once (pg 8 warns that pg 9 will refuse it).
 */
describe('one statement at a time on a connection', () => {
  it('runs overlapping statements of one transaction in order, with no pg deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const rows = await inRollback(async (m) => {
        await m.query('CREATE TEMP TABLE overlap (n int) ON COMMIT DROP');
        // Started together: each insert sleeps a little, so without the chain pg would get the next one mid-way.
        const started = [1, 2, 3, 4, 5].map((n) => m.query('INSERT INTO overlap SELECT $1::int FROM pg_sleep(0.02)', [n]));
        const failing = m.query('SELECT 1/0').catch((err: Error) => err.message);
        await Promise.all(started);
        expect(await failing).toMatch(/division by zero/);
        return m.query('SELECT n FROM overlap ORDER BY ctid');
      }).catch((err: Error) => err);
      // The failed statement aborts the transaction, so the later read fails too: what matters is that it ran after.
      expect(String(rows)).toMatch(/current transaction is aborted/);
    } finally {
      process.off('warning', onWarning);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes('client.query()'))).toEqual([]);
  });
});
