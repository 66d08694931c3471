import type { EntityManager } from 'typeorm';

/**
 * Bulk loading as PostgreSQL's manual advises ("Populating a Database"): the indexes, primary keys, unique
 * constraints and foreign keys of the tables being filled (and foreign keys to them) are dropped, the rows
 * written, then the keys and indexes built again from their own definitions (pg_get_constraintdef, pg_indexes)
 * and the foreign keys added again, all in the seed's one transaction. Building an index over 10^6 rows in one
 * sort costs a fraction of maintaining it row by row, and adding a key or a foreign key checks every row at once
 * (a duplicate or a dangling reference fails the seed, which then writes nothing): the same rules, checked set-wise.
 */
export interface SetAside {
  /** Adds the keys again, builds the indexes, then adds the foreign keys (checking every row written meanwhile). */
  restore(): Promise<void>;
}

export async function setAsideIndexesAndConstraints(manager: EntityManager, tables: readonly string[]): Promise<SetAside> {
  const indexes: { name: string; definition: string }[] = await manager.query(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY ($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
     ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  // Foreign keys of the bulk tables and to them (another table's key to a primary key set aside must go first).
  const foreignKeys = await constraints(
    manager,
    `c.contype = 'f' AND (t.relname = ANY ($1::text[]) OR c.confrelid IN (
       SELECT r.oid FROM pg_class r WHERE r.relnamespace = current_schema()::regnamespace AND r.relname = ANY ($1::text[])))`,
    tables,
  );
  const keys = await constraints(manager, `c.contype IN ('p', 'u') AND t.relname = ANY ($1::text[])`, tables);
  for (const { table, name } of [...foreignKeys, ...keys])
    await manager.query(`ALTER TABLE ${quoteIdent(table)} DROP CONSTRAINT ${quoteIdent(name)}`);
  for (const { name } of indexes) await manager.query(`DROP INDEX ${quoteIdent(name)}`);
  return {
    async restore() {
      const add = ({ table, name, definition }: Constraint) =>
        manager.query(`ALTER TABLE ${quoteIdent(table)} ADD CONSTRAINT ${quoteIdent(name)} ${definition}`);
      for (const key of keys) await add(key);
      // pg_indexes shows a partitioned table's index as `ON ONLY`, which would build it on the parent alone (invalid,
      // no partition index); built without ONLY it is made on every partition again, under the same derived names.
      for (const { definition } of indexes) await manager.query(definition.replace(/ ON ONLY /, ' ON '));
      for (const foreignKey of foreignKeys) await add(foreignKey);
    },
  };
}

interface Constraint {
  table: string;
  name: string;
  definition: string;
}

/** The constraints of the current schema matching `where` (over pg_constraint c and its table t), with their definitions. */
function constraints(manager: EntityManager, where: string, tables: readonly string[]): Promise<Constraint[]> {
  return manager.query(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND c.conparentid = 0 AND ${where}
     ORDER BY t.relname, c.conname`,
    [tables],
  );
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
