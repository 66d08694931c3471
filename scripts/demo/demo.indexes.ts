import type { EntityManager } from 'typeorm';

/**
 * Bulk loading as PostgreSQL's manual advises ("Populating a Database"): the secondary indexes of the tables
 * being filled are dropped, the rows written, and the indexes built again from their own definitions
 * (pg_indexes), all in the seed's one transaction. Building an index over 10^6 sorted rows costs a fraction of
 * maintaining it row by row. Indexes that back a constraint (primary keys, unique constraints) stay, so
 * every row is still checked as it goes in.
 */
export async function withoutSecondaryIndexes<T>(manager: EntityManager, tables: readonly string[], write: () => Promise<T>): Promise<T> {
  const indexes: { name: string; definition: string }[] = await manager.query(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY ($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
     ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  for (const { name } of indexes) await manager.query(`DROP INDEX ${quoteIdent(name)}`);
  const result = await write();
  for (const { definition } of indexes) await manager.query(definition);
  return result;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
