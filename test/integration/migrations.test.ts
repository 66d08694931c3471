import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/app/data-source';
import { ENTITIES } from '../../src/app/entities';
import { MIGRATIONS } from '../../src/app/migrations';
import { createScratchDatabase } from '../support/scratch';

// Partitions (the guarantee table's years) are parts of their entity's table, not tables of their own.
const tables = async (ds: DataSource): Promise<string[]> =>
  (
    await ds.query(
      `SELECT t.tablename FROM pg_tables t JOIN pg_class c ON c.oid = to_regclass(quote_ident(t.tablename))
       WHERE t.schemaname = 'public' AND t.tablename <> 'schema_migration' AND NOT c.relispartition ORDER BY 1`,
    )
  ).map((r: { tablename: string }) => r.tablename);

describe('migrations on an empty database', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createScratchDatabase('hub_migrations');
    drop = scratch.drop;
    ds = createDataSource(scratch.url);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });

  it('run up to a table for every entity, down to nothing, and up again', async () => {
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations();
    const entityTables = ENTITIES.map((e) => ds.getMetadata(e).tableName).sort();
    expect(await tables(ds)).toEqual(entityTables);

    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await tables(ds)).toEqual([]);
    expect(await ds.query(`SELECT proname FROM pg_proc WHERE proname = 'audit_log_append_only'`)).toEqual([]);

    await ds.runMigrations();
    expect(await tables(ds)).toEqual(entityTables);
  });

  it('map every entity column to a column the migrations created', async () => {
    for (const entity of ENTITIES) {
      const meta = ds.getMetadata(entity);
      const rows: { column_name: string }[] = await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [
        meta.tableName,
      ]);
      const actual = new Set(rows.map((r) => r.column_name));
      for (const column of meta.columns) expect(actual, `${meta.tableName}.${column.databaseName}`).toContain(column.databaseName);
    }
  });

  it('refuse what can never be true', async () => {
    const [region] = await ds.query(
      `INSERT INTO region (code, name, kind, sort_order) VALUES ('999999', '测试区', 'COUNTY', 99) RETURNING id`,
    );
    const institution = (netAssets: string, capital: string) =>
      ds.query(
        `INSERT INTO guarantee_institution (name, credit_code, level, region_id, registered_capital, paid_in_capital, net_assets)
         VALUES ('测试担保', '91371500MA3C000000', 'COUNTY', $1, $2, $2, $3)`,
        [region.id, capital, netAssets],
      );
    await expect(institution('1.00', '-1.00')).rejects.toMatchObject({ code: '23514' });
    const rate = (share: string) =>
      ds.query(
        `INSERT INTO cooperation_agreement (institution_id, bank_id, bank_risk_share, credit_line, batch_mode, signed_on)
         VALUES (gen_random_uuid(), gen_random_uuid(), $1, 0, false, '2024-01-01')`,
        [share],
      );
    await expect(rate('1.5')).rejects.toMatchObject({ code: '23514' });
    await expect(rate('-0.1')).rejects.toMatchObject({ code: '23514' });
  });

  it('keep the audit log append-only for the application user', async () => {
    await ds.query(`INSERT INTO audit_log (operation, outcome) VALUES ('test', 'ACCEPTED')`);
    await expect(ds.query(`UPDATE audit_log SET outcome = 'REJECTED'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});
