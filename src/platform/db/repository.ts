import type { EntityManager } from 'typeorm';
import { queryPrepared, queryPreparedValues, queryRows } from './sql';

/**
 * The base of every `<module>.repo.ts`: the module's SQL in one reviewable file, run on the entity manager it
 * is built from — the request's, or its unit of work's transaction (never a global data source, so a
 * request holds one connection). Read methods take the viewer's scope as a required argument and apply it
 * inside their query (src/access/system-scope.ts names the deliberate exceptions). Each method's SQL is
 * snapshotted in test/queries/<module>.repo.sql (test/integration/repo-queries.test.ts).
 */
export abstract class Repository {
  constructor(protected readonly manager: EntityManager) {}

  /** Rows of SQL written with `:name` parameters (the form of the scope conditions). */
  protected rows<T>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return queryRows<T>(this.manager, sql, params);
  }

  /** rows(), as a named prepared statement PostgreSQL plans once per connection (platform/db/sql.ts): for hot reads. */
  protected preparedRows<T>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return queryPrepared<T>(this.manager, sql, params);
  }

  /** preparedRows(), each row as its values in select order (platform/db/sql.ts): for the hottest reads. */
  protected preparedValues(sql: string, params: Record<string, unknown> = {}): Promise<unknown[][]> {
    return queryPreparedValues(this.manager, sql, params);
  }

  /** The first row, or undefined. */
  protected async first<T>(sql: string, params: Record<string, unknown> = {}): Promise<T | undefined> {
    const [row] = await this.rows<T>(sql, params);
    return row;
  }
}
