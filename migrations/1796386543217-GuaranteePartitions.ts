import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the guarantee table partitioned by RANGE of `start_on`, one partition a year (`guarantee_y2024` holds
 * 2024-01-01 to 2024-12-31), plus `guarantee_early` (MINVALUE to the first year) and `guarantee_late` (after the
 * last year to MAXVALUE) so that every date has a home. Bounded catch-alls rather than a DEFAULT partition: with a
 * DEFAULT partition PostgreSQL cannot read the partitions in order (no ordered Append), and the newest-first page
 * would merge every partition's index instead of reading the newest one.
 *
 * A partitioned table's unique keys must contain the partition key, so the primary key becomes (id, start_on),
 * and what was unique on the plain table moves to `guarantee_key` (id PK, institution_id, code UNIQUE as
 * uq_guarantee_institution_code — the same name, SQLSTATE and CONFLICT as before), one row per guarantee, written
 * in the same statement. `guarantee (id, institution_id, code)` references it, so a guarantee's key row always
 * carries its own institution and code; compensation and fee_subsidy_claim_guarantee reference guarantee_key(id).
 * Deleting a guarantee deletes its key row (trigger guarantee_key_release).
 * Partitions are created here from 2023 (the policy's first year) or the data's first year if earlier (2020 at the
 * earliest: older rows go to guarantee_early) to next year;
 * src/app/guarantee-partitions.ts adds next year's at every start.
 *
 * Data moves in this one transaction: key rows, the partitioned copy, then indexes and constraints built over
 * the loaded rows (faster than maintaining them row by row). `down` copies the rows back into a plain table with
 * the names and keys the earlier migrations gave it.
 */
const INDEXES = [
  `CREATE INDEX ix_guarantee_institution ON guarantee(institution_id, start_on, id)`,
  `CREATE INDEX ix_guarantee_bank ON guarantee(bank_id, start_on, id)`,
  `CREATE INDEX ix_guarantee_agreement ON guarantee(agreement_id)`,
  `CREATE INDEX ix_guarantee_borrower ON guarantee(borrower_id)`,
  `CREATE INDEX ix_guarantee_region ON guarantee(region_id, start_on, id)`,
  `CREATE INDEX ix_guarantee_start_on ON guarantee(start_on, id)`,
  `CREATE INDEX ix_guarantee_status ON guarantee(status)`,
  `CREATE INDEX ix_guarantee_in_force ON guarantee(institution_id, borrower_id) INCLUDE (guaranteed_amount) WHERE status = 'ACTIVE'`,
];

const FOREIGN_KEYS = [
  `ALTER TABLE guarantee ADD CONSTRAINT guarantee_institution_id_fkey FOREIGN KEY (institution_id) REFERENCES guarantee_institution(id)`,
  `ALTER TABLE guarantee ADD CONSTRAINT guarantee_bank_id_fkey FOREIGN KEY (bank_id) REFERENCES bank(id)`,
  `ALTER TABLE guarantee ADD CONSTRAINT guarantee_agreement_id_fkey FOREIGN KEY (agreement_id) REFERENCES cooperation_agreement(id)`,
  `ALTER TABLE guarantee ADD CONSTRAINT guarantee_borrower_id_fkey FOREIGN KEY (borrower_id) REFERENCES borrower(id)`,
  `ALTER TABLE guarantee ADD CONSTRAINT guarantee_region_id_fkey FOREIGN KEY (region_id) REFERENCES region(id)`,
  `ALTER TABLE guarantee ADD CONSTRAINT fk_guarantee_borrower_institution
     FOREIGN KEY (institution_id, borrower_id) REFERENCES borrower(institution_id, id)`,
];

/** The tables whose guarantee_id references a guarantee, with their constraint names. */
const REFERENCING = [
  { table: 'compensation', constraint: 'compensation_guarantee_id_fkey' },
  { table: 'fee_subsidy_claim_guarantee', constraint: 'fee_subsidy_claim_guarantee_guarantee_id_fkey' },
];

export class GuaranteePartitions1796386543217 implements MigrationInterface {
  name = 'GuaranteePartitions1796386543217';

  async up(q: QueryRunner): Promise<void> {
    // Moving 10^6–10^7 rows takes minutes, not the request statement timeout (this transaction only).
    await q.query(`SET LOCAL statement_timeout = 0`);
    // The name passes to guarantee_key (a constraint's index is a relation: its name is the schema's).
    await q.query(`ALTER TABLE guarantee RENAME CONSTRAINT uq_guarantee_institution_code TO uq_guarantee_institution_code_plain`);
    await q.query(`
      CREATE TABLE guarantee_key (
        id uuid PRIMARY KEY,
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        code varchar(64) NOT NULL,
        CONSTRAINT uq_guarantee_institution_code UNIQUE (institution_id, code),
        CONSTRAINT uq_guarantee_key_row UNIQUE (id, institution_id, code)
      )`);
    await q.query(`INSERT INTO guarantee_key (id, institution_id, code) SELECT id, institution_id, code FROM guarantee`);

    // Same columns, defaults, NOT NULLs and CHECKs (with their names) as the plain table.
    await q.query(`CREATE TABLE guarantee_partitioned (LIKE guarantee INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (start_on)`);
    const [{ first, last }] = await q.query(
      `SELECT greatest(2020, least(coalesce(min(extract(year FROM start_on)), 9999), 2023))::int AS first,
              (extract(year FROM current_date) + 1)::int AS last
       FROM guarantee`,
    );
    await q.query(`CREATE TABLE guarantee_early PARTITION OF guarantee_partitioned FOR VALUES FROM (MINVALUE) TO ('${first}-01-01')`);
    for (let year = first; year <= last; year++) {
      await q.query(
        `CREATE TABLE guarantee_y${year} PARTITION OF guarantee_partitioned FOR VALUES FROM ('${year}-01-01') TO ('${year + 1}-01-01')`,
      );
    }
    await q.query(`CREATE TABLE guarantee_late PARTITION OF guarantee_partitioned FOR VALUES FROM ('${last + 1}-01-01') TO (MAXVALUE)`);
    await q.query(`INSERT INTO guarantee_partitioned SELECT * FROM guarantee`);

    for (const r of REFERENCING) await q.query(`ALTER TABLE ${r.table} DROP CONSTRAINT ${r.constraint}`);
    await q.query(`DROP TABLE guarantee`);
    await q.query(`ALTER TABLE guarantee_partitioned RENAME TO guarantee`);
    await q.query(`ALTER TABLE guarantee ADD CONSTRAINT guarantee_pkey PRIMARY KEY (id, start_on)`);
    for (const sql of INDEXES) await q.query(sql);
    for (const sql of FOREIGN_KEYS) await q.query(sql);
    await q.query(`
      ALTER TABLE guarantee ADD CONSTRAINT fk_guarantee_key
        FOREIGN KEY (id, institution_id, code) REFERENCES guarantee_key(id, institution_id, code)`);
    for (const r of REFERENCING)
      await q.query(`ALTER TABLE ${r.table} ADD CONSTRAINT ${r.constraint} FOREIGN KEY (guarantee_id) REFERENCES guarantee_key(id)`);
    // A deleted guarantee takes its key row with it (a compensation or claim referencing it still refuses the
    // delete, 23503, as before). Not when the row only moved to another partition (an UPDATE of start_on).
    await q.query(`
      CREATE FUNCTION guarantee_key_release() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM guarantee_key k WHERE k.id = OLD.id AND NOT EXISTS (SELECT 1 FROM guarantee g WHERE g.id = OLD.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER guarantee_key_release AFTER DELETE ON guarantee FOR EACH ROW EXECUTE FUNCTION guarantee_key_release()`);
    // Autovacuum analyses partitions, never a partitioned parent: its statistics come from an explicit ANALYZE.
    await q.query(`ANALYZE guarantee_key`);
    await q.query(`ANALYZE guarantee`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL statement_timeout = 0`);
    await q.query(`CREATE TABLE guarantee_plain (LIKE guarantee INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await q.query(`INSERT INTO guarantee_plain SELECT * FROM guarantee`);
    for (const r of REFERENCING) await q.query(`ALTER TABLE ${r.table} DROP CONSTRAINT ${r.constraint}`);
    await q.query(`DROP TABLE guarantee`);
    await q.query(`DROP FUNCTION guarantee_key_release()`);
    await q.query(`DROP TABLE guarantee_key`);
    await q.query(`ALTER TABLE guarantee_plain RENAME TO guarantee`);
    await q.query(`ALTER TABLE guarantee ADD CONSTRAINT guarantee_pkey PRIMARY KEY (id)`);
    await q.query(`ALTER TABLE guarantee ADD CONSTRAINT uq_guarantee_institution_code UNIQUE (institution_id, code)`);
    for (const sql of INDEXES) await q.query(sql);
    for (const sql of FOREIGN_KEYS) await q.query(sql);
    for (const r of REFERENCING)
      await q.query(`ALTER TABLE ${r.table} ADD CONSTRAINT ${r.constraint} FOREIGN KEY (guarantee_id) REFERENCES guarantee(id)`);
    await q.query(`ANALYZE guarantee`);
  }
}
