import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { checkpoint } from '../../bench/prepare';
import { inRollback, testDataSource } from '../support/db';

/** bench/prepare.ts: the seed's writes are checkpointed before anything is timed; a role that may not says so and goes on. */
let db: DataSource;
beforeAll(async () => {
  db = await testDataSource();
});

async function requestedCheckpoints(): Promise<number> {
  const [{ n }] = await db.query(`SELECT pg_stat_clear_snapshot(), checkpoints_req::int AS n FROM pg_stat_bgwriter`);
  return n;
}

describe('the bench checkpoint after the seed', () => {
  it('asks PostgreSQL for a checkpoint and says how long it took', async () => {
    const before = await requestedCheckpoints();
    const lines: string[] = [];
    expect(await checkpoint(db, (line) => lines.push(line))).toBe(true);
    expect(await requestedCheckpoints()).toBeGreaterThan(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}checkpoint after the seed \(\d+\.\d s, not in the seed's time\)$/);
  });

  it('goes on, saying why, when the role may not checkpoint', async () => {
    await inRollback(async (m) => {
      await m.query('CREATE ROLE hub_bench_no_checkpoint NOLOGIN');
      await m.query('SET LOCAL ROLE hub_bench_no_checkpoint');
      const lines: string[] = [];
      expect(await checkpoint(m, (line) => lines.push(line))).toBe(false);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^ {2}no checkpoint after the seed \(.*\): the first scenarios may pay for the seed's writes$/);
    });
  });
});
