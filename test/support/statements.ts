import type { EntityManager } from 'typeorm';

/**
 * The SQL statements (whitespace collapsed) that `run` issues on the manager's connection: the N+1 guard of STYLE.md,
 * for operations run inside a transaction the test holds (`inRollback`).
 */
export async function countStatements<T>(m: EntityManager, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const runner = m.queryRunner;
  if (!runner) throw new Error('countStatements needs a transaction manager (inRollback)');
  const original = runner.query.bind(runner);
  const statements: string[] = [];
  runner.query = ((sql: string | { text: string }, ...rest: unknown[]) => {
    // A prepared statement comes as pg's query config, { name, text } (platform/db/sql.ts).
    const text = typeof sql === 'string' ? sql : sql.text;
    statements.push(text.trim().replace(/\s+/g, ' '));
    return (original as (...a: unknown[]) => unknown)(sql, ...rest);
  }) as typeof runner.query;
  try {
    return { result: await run(), statements };
  } finally {
    runner.query = original;
  }
}
