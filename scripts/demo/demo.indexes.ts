import type { EntityManager } from 'typeorm';

/**
 * Bulk loading as PostgreSQL's manual advises ("Populating a Database"): the secondary indexes and the
 * foreign keys of the tables being filled are dropped, the rows written, then the indexes built again from
 * their own definitions (pg_indexes) and the foreign keys added again from theirs (pg_get_constraintdef),
 * all in the seed's one transaction. Building an index over 10^6 sorted rows costs a fraction of maintaining
 * it row by row, and adding a foreign key checks every row with one join instead of a trigger per row: the
 * same rules, checked set-wise. Indexes that back a constraint (primary keys, unique constraints) stay, so
 * uniqueness is still checked as rows go in.
 */
export interface SetAside {
  /** Builds the indexes again, then adds the foreign keys again (checking every row written meanwhile). */
  restore(): Promise<void>;
}

export async function setAsideIndexesAndForeignKeys(manager: EntityManager, tables: readonly string[]): Promise<SetAside> {
  const indexes: { name: string; definition: string }[] = await manager.query(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY ($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
     ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  const foreignKeys: { table: string; name: string; definition: string }[] = await manager.query(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY ($1::text[]) AND c.conparentid = 0
     ORDER BY t.relname, c.conname`,
    [tables],
  );
  for (const { table, name } of foreignKeys) await manager.query(`ALTER TABLE ${quoteIdent(table)} DROP CONSTRAINT ${quoteIdent(name)}`);
  for (const { name } of indexes) await manager.query(`DROP INDEX ${quoteIdent(name)}`);
  return {
    async restore() {
      for (const { definition } of indexes) await manager.query(definition);
      for (const { table, name, definition } of foreignKeys)
        await manager.query(`ALTER TABLE ${quoteIdent(table)} ADD CONSTRAINT ${quoteIdent(name)} ${definition}`);
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
