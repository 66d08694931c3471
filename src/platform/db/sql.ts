import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Runs SQL written with `:name` parameters — the form of the scope conditions (auth/scope.ts) — through
 * the driver's own escaping, returning plain rows (also of UPDATE … RETURNING, which TypeORM's postgres
 * driver answers as [rows, rowCount]).
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  const result = await manager.query(text, values);
  return Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
}

/**
 * A statement PostgreSQL plans once per connection: sent as a named (prepared) statement, so a hot read — the
 * `guarantees` page, whose four-way join took longer to plan than to run — skips the planner after its first
 * executions on a connection. The name is derived from the text, so one text always has one name (pg refuses
 * a name reused for another text). Only for SQL whose text takes a bounded number of shapes: values go in
 * parameters, never into the text.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

const NAMES = new Map<string, string>();
/** Shapes remembered; past that a name is recomputed from the text (a hash), never wrong, only slower. */
const MAX_REMEMBERED = 2_000;

export function statementName(text: string): string {
  let name = NAMES.get(text);
  if (name === undefined) {
    name = `hub_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (NAMES.size < MAX_REMEMBERED) NAMES.set(text, name);
  }
  return name;
}

/** queryRows, as a named prepared statement (read queries only: no RETURNING form). */
export async function queryPrepared<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  // pg's Client#query takes a query config ({ name, text }) where TypeORM passes its SQL through unchanged.
  const statement: NamedStatement = { name: statementName(text), text };
  return manager.query(statement as unknown as string, values);
}

/**
 * queryPrepared, each row as its values in select order (pg's rowMode 'array'): for a hot read that builds its own
 * objects from them. pg's row objects (a clone of one template per result) can each get a hidden class of their
 * own, depending on the state of V8's caches for that clone (seen in a standalone hub: every page row its own),
 * which makes every later read of, or addition to, such an object a slow lookup.
 */
export function queryPreparedValues(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<unknown[][]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  const statement: NamedStatement & { rowMode: 'array' } = { name: statementName(text), text, rowMode: 'array' };
  return manager.query(statement as unknown as string, values);
}
