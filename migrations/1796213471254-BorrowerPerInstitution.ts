import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN.md §6 "Ownership": a borrower row belongs to one institution — a row per (institution, identifier)
 * — so a guarantee keeps its borrower as its own institution declared it, another institution's write can
 * no longer rename or reclassify it, and no id is shared by two institutions (an id tells nothing about
 * another institution's business). The normalised identifier stays the shared identity key: the city
 * (FINANCE, FINANCIAL_REGULATOR) groups one borrower across institutions by it (ix_borrower_identifier).
 *
 * Moving the data: a borrower with business at one institution only becomes that institution's row and
 * keeps its id; a borrower shared by several institutions becomes one row per institution, each with a
 * fresh id (so no institution keeps an id that another one saw), carrying the name, kind and region the
 * shared row held last (what each institution declared before is not recorded anywhere). A borrower with
 * no guarantee belongs to nobody and is removed. `down` merges the rows of each identifier back into the
 * earliest registered one; the other institutions' declarations are then lost, as the old model requires.
 */
export class BorrowerPerInstitution1796213471254 implements MigrationInterface {
  name = 'BorrowerPerInstitution1796213471254';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE borrower DROP CONSTRAINT borrower_identifier_key`);
    await q.query(`ALTER TABLE borrower ADD COLUMN institution_id uuid REFERENCES guarantee_institution(id)`);
    await q.query(`
      CREATE TEMP TABLE borrower_split AS
      SELECT u.borrower_id AS old_id, u.institution_id,
             CASE WHEN count(*) OVER (PARTITION BY u.borrower_id) = 1 THEN u.borrower_id ELSE gen_random_uuid() END AS new_id
        FROM (SELECT DISTINCT borrower_id, institution_id FROM guarantee) u`);
    await q.query(`
      UPDATE borrower b SET institution_id = s.institution_id
        FROM borrower_split s WHERE s.old_id = b.id AND s.new_id = b.id`);
    await q.query(`
      INSERT INTO borrower (id, institution_id, name, identifier, identifier_kind, kind, region_id, created_at, updated_at)
      SELECT s.new_id, s.institution_id, b.name, b.identifier, b.identifier_kind, b.kind, b.region_id, b.created_at, b.updated_at
        FROM borrower_split s JOIN borrower b ON b.id = s.old_id
       WHERE s.new_id <> s.old_id`);
    await q.query(`
      UPDATE guarantee g SET borrower_id = s.new_id
        FROM borrower_split s
       WHERE g.borrower_id = s.old_id AND g.institution_id = s.institution_id AND s.new_id <> s.old_id`);
    // The shared rows (now unreferenced) and borrowers with no business at all.
    await q.query(`DELETE FROM borrower WHERE institution_id IS NULL`);
    await q.query(`DROP TABLE borrower_split`);

    await q.query(`ALTER TABLE borrower ALTER COLUMN institution_id SET NOT NULL`);
    // Registration and R1's serialising upsert find the institution's row by identifier.
    await q.query(`ALTER TABLE borrower ADD CONSTRAINT uq_borrower_institution_identifier UNIQUE (institution_id, identifier)`);
    // A guarantee's borrower is always its own institution's: the database refuses anything else.
    await q.query(`ALTER TABLE borrower ADD CONSTRAINT uq_borrower_institution_id UNIQUE (institution_id, id)`);
    await q.query(`
      ALTER TABLE guarantee ADD CONSTRAINT fk_guarantee_borrower_institution
        FOREIGN KEY (institution_id, borrower_id) REFERENCES borrower(institution_id, id)`);
    // The shared identity key: one borrower across institutions, for the city's readers.
    await q.query(`CREATE INDEX ix_borrower_identifier ON borrower(identifier)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE guarantee DROP CONSTRAINT fk_guarantee_borrower_institution`);
    await q.query(`DROP INDEX ix_borrower_identifier`);
    await q.query(`ALTER TABLE borrower DROP CONSTRAINT uq_borrower_institution_id`);
    await q.query(`ALTER TABLE borrower DROP CONSTRAINT uq_borrower_institution_identifier`);
    await q.query(`
      CREATE TEMP TABLE borrower_merge AS
      SELECT id AS old_id, first_value(id) OVER (PARTITION BY identifier ORDER BY created_at, id) AS keep_id FROM borrower`);
    await q.query(`
      UPDATE guarantee g SET borrower_id = m.keep_id
        FROM borrower_merge m WHERE g.borrower_id = m.old_id AND m.old_id <> m.keep_id`);
    await q.query(`DELETE FROM borrower b USING borrower_merge m WHERE b.id = m.old_id AND m.old_id <> m.keep_id`);
    await q.query(`DROP TABLE borrower_merge`);
    await q.query(`ALTER TABLE borrower DROP COLUMN institution_id`);
    await q.query(`ALTER TABLE borrower ADD CONSTRAINT borrower_identifier_key UNIQUE (identifier)`);
  }
}
