import type { DataSource } from 'typeorm';

/**
 * The guarantee table's yearly partitions (migration GuaranteePartitions): one per year, between the catch-alls
 * `guarantee_early` and `guarantee_late` (after the last year, to MAXVALUE). At every start, under the start-up
 * lock, the years up to next year get a partition of their own: `guarantee_late` is detached, the new year's
 * table created, the rows of that year that landed in `guarantee_late` meanwhile (a hub not restarted for a year)
 * moved into it, and both attached again — one short transaction, once a year. Nothing references a partition
 * (compensations and claims reference guarantee_key), so moving rows breaks no reference.
 */
export async function ensureGuaranteeYears(dataSource: DataSource, throughYear?: number): Promise<number[]> {
  const [state] = await dataSource.query(
    `SELECT (SELECT max(substring(c.relname FROM '^guarantee_y([0-9]{4})$')::int)
             FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = to_regclass('guarantee')) AS "lastYear",
            (extract(year FROM current_date) + 1)::int AS "nextYear",
            (SELECT relkind FROM pg_class WHERE oid = to_regclass('guarantee')) AS kind`,
  );
  if (state.kind !== 'p' || state.lastYear === null) return [];
  const through = throughYear ?? state.nextYear;
  const added: number[] = [];
  for (let year = state.lastYear + 1; year <= through; year++) {
    await dataSource.transaction(async (tx) => {
      await tx.query(`ALTER TABLE guarantee DETACH PARTITION guarantee_late`);
      await tx.query(`CREATE TABLE guarantee_y${year} (LIKE guarantee INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await tx.query(
        `ALTER TABLE guarantee ATTACH PARTITION guarantee_y${year} FOR VALUES FROM ('${year}-01-01') TO ('${year + 1}-01-01')`,
      );
      // Copied in before they are deleted from guarantee_late, so the moved rows keep their guarantee_key rows.
      const bound = `start_on < '${year + 1}-01-01'`;
      await tx.query(`INSERT INTO guarantee_y${year} SELECT * FROM guarantee_late WHERE ${bound}`);
      await tx.query(`DELETE FROM guarantee_late WHERE ${bound}`);
      await tx.query(`ALTER TABLE guarantee ATTACH PARTITION guarantee_late FOR VALUES FROM ('${year + 1}-01-01') TO (MAXVALUE)`);
    });
    added.push(year);
  }
  return added;
}
