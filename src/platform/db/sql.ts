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
