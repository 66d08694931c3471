import type { EntityManager } from 'typeorm';
import { expect } from 'vitest';
import { Scope } from '../../src/access/scope';
import { SystemScope } from '../../src/access/system-scope';
import { business, type Business } from '../fixtures/compensation-fixtures';
import { inRollback } from './db';

/**
 * Records the SQL text of each statement a repository method runs on a transaction's connection, for the
 * committed snapshots under test/queries/ (as immich keeps server/src/queries/*.sql): a change to a query
 * shows in review as SQL. Parameters are left as their placeholders ($1 …): the snapshot is the statement.
 */
export class SqlLog {
  private readonly blocks: string[] = [];

  constructor(private readonly m: EntityManager) {
    if (!m.queryRunner) throw new Error('SqlLog needs a transaction manager (inRollback)');
  }

  /** Runs `fn`, recording its statements under `-- name`. */
  async record<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const runner = this.m.queryRunner!;
    const original = runner.query.bind(runner);
    const seen: string[] = [];
    runner.query = ((sql: string | { text: string }, ...rest: unknown[]) => {
      // A prepared statement comes as pg's query config, { name, text } (platform/db/sql.ts).
      const text = typeof sql === 'string' ? sql : sql.text;
      seen.push(tidy(text));
      return (original as (...a: unknown[]) => unknown)(sql, ...rest);
    }) as typeof runner.query;
    try {
      return await fn();
    } finally {
      runner.query = original;
      this.blocks.push(`-- ${name}\n${seen.map((s) => `${s};`).join('\n') || '-- (no statement)'}\n`);
    }
  }

  text(): string {
    return `-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.\n\n${this.blocks.join('\n')}`;
  }
}

/** One statement, its lines dedented and stripped of trailing blanks (the SQL is template text in the source). */
function tidy(sql: string): string {
  const lines = sql
    .replace(/\s+$/, '')
    .replace(/^\s*\n/, '')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  const indent = Math.min(
    ...lines
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.match(/^ */)![0].length),
    Infinity,
  );
  return lines.map((l, i) => (i === 0 ? l.trim() : l.slice(Number.isFinite(indent) ? indent : 0))).join('\n');
}

/**
 * Every repository method runs once against the real database, its SQL written to test/queries/<repo>.sql:
 * a change to a query shows in review as SQL. Reads run as a guarantee institution (so the snapshot shows the
 * scope condition inside the query) and, where a read has one, under its named SystemScope.
 */
export async function snapshot(file: string, fn: (log: SqlLog, m: EntityManager, b: Business, own: Scope) => Promise<void>): Promise<void> {
  await inRollback(async (m) => {
    const b = await business(m);
    const log = new SqlLog(m);
    await fn(log, m, b, new Scope(b.owner));
    await expect(log.text()).toMatchFileSnapshot(`../queries/${file}`);
  });
}

export const SYSTEM = SystemScope.because('snapshot of the unscoped form');
