import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from '../../src/app/data-source';
import { ensureGuaranteeYears } from '../../src/app/guarantee-partitions';
import { MIGRATIONS } from '../../src/app/migrations';
import { GrantRepo, type GrantRow } from '../../src/modules/guarantee/grant/grant.repo';
import { toClientError } from '../../src/platform/errors';
import { GuaranteePartitions1796386543217 } from '../../migrations/1796386543217-GuaranteePartitions';
import { validCreditCode } from '../fixtures/business';
import { createScratchDatabase } from '../support/scratch';

// The partitioning migration moves guarantees written into the plain table into yearly partitions, keeps every
// key the plain table had (unique code per institution, the references of compensations), and moves them back.

const THIS = MIGRATIONS.indexOf(GuaranteePartitions1796386543217);
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe('migration GuaranteePartitions on a database holding guarantees', () => {
  let ds: DataSource;
  let q: QueryRunner;
  let drop: () => Promise<void>;
  let refs: { institution: string; bank: string; borrower: string; region: string };
  let before: unknown[];
  const snapshot = () => q.query(`SELECT * FROM guarantee ORDER BY id`);
  const partitionOf = async (code: string): Promise<string> =>
    (await q.query(`SELECT tableoid::regclass::text AS part FROM guarantee WHERE code = $1`, [code]))[0].part;
  const row = (code: string, startOn: string): GrantRow => ({
    code,
    bankId: refs.bank,
    agreementId: null,
    borrowerId: refs.borrower,
    regionId: refs.region,
    kind: 'LOAN',
    loanAmount: '100.00',
    guaranteedAmount: '100.00',
    feeRate: '0.010000',
    bankRiskShare: '0.000000',
    startOn,
    endOn: `${Number(startOn.slice(0, 4)) + 1}-12-31`,
    smallAgri: true,
    reGuaranteed: false,
  });
  /** The partitions a plan reads (ANALYZE: not those it never executed), in plan order. */
  const partitionsRead = async (sql: string, analyze: boolean): Promise<string[]> => {
    const plan: { 'QUERY PLAN': string }[] = await q.query(
      `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`,
    );
    return plan
      .map((r) => r['QUERY PLAN'])
      .filter((line) => !line.includes('never executed'))
      .flatMap((line) => /on (guarantee_\w+) g/.exec(line)?.[1] ?? []);
  };

  beforeAll(async () => {
    const scratch = await createScratchDatabase('hub_guarantee_partitions');
    drop = scratch.drop;
    ds = createDataSource(scratch.url);
    await ds.initialize();
    q = ds.createQueryRunner();
    for (const M of MIGRATIONS.slice(0, THIS)) await new M().up(q);

    const [region] = await q.query(`INSERT INTO region (code, name, kind, sort_order) VALUES ('371522', '莘县', 'COUNTY', 1) RETURNING id`);
    const [institution] = await q.query(
      `INSERT INTO guarantee_institution (name, credit_code, level, region_id, registered_capital, paid_in_capital, net_assets)
       VALUES ('甲担保', $1, 'COUNTY', $2, 1, 1, 1) RETURNING id`,
      [validCreditCode(), region.id],
    );
    const [bank] = await q.query(`INSERT INTO bank (name, kind) VALUES ('某银行', 'OTHER') RETURNING id`);
    const [borrower] = await q.query(
      `INSERT INTO borrower (name, identifier, identifier_kind, kind, region_id, institution_id)
       VALUES ('某农户', $1, 'CREDIT_CODE', 'FARMER', $2, $3) RETURNING id`,
      [validCreditCode('371522'), region.id, institution.id],
    );
    refs = { institution: institution.id, bank: bank.id, borrower: borrower.id, region: region.id };
    // The plain table, written as before the migration.
    for (const [code, startOn] of [
      ['OLD-2019', '2019-05-01'],
      ['G-2023', '2023-04-01'],
      ['G-2024a', '2024-01-01'],
      ['G-2024b', '2024-12-31'],
      ['G-2025', '2025-06-30'],
      ['FAR-2040', '2040-01-01'],
    ]) {
      await q.query(
        `INSERT INTO guarantee (code, institution_id, bank_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                bank_risk_share, start_on, end_on, small_agri)
         VALUES ($1, $2, $3, $4, $5, 'LOAN', 100, 100, 0.01, 0, $6, '2041-12-31', true)`,
        [code, institution.id, bank.id, borrower.id, region.id, startOn],
      );
    }
    await q.query(
      `INSERT INTO compensation (guarantee_id, institution_id, amount, paid_on, suspected_malicious)
       SELECT id, institution_id, 10, '2025-01-01', false FROM guarantee WHERE code = 'G-2023'`,
    );
    before = await snapshot();
    await new GuaranteePartitions1796386543217().up(q);
  });

  afterAll(async () => {
    await q?.release();
    await ds?.destroy();
    await drop?.();
  });

  it('moves every row intact into the partition of its start year', async () => {
    expect(await snapshot()).toEqual(before);
    expect(await q.query(`SELECT relkind FROM pg_class WHERE oid = 'guarantee'::regclass`)).toEqual([{ relkind: 'p' }]);
    expect(await partitionOf('OLD-2019')).toBe('guarantee_early');
    expect(await partitionOf('G-2023')).toBe('guarantee_y2023');
    expect(await partitionOf('G-2024a')).toBe('guarantee_y2024');
    expect(await partitionOf('G-2024b')).toBe('guarantee_y2024');
    expect(await partitionOf('G-2025')).toBe('guarantee_y2025');
    expect(await partitionOf('FAR-2040')).toBe('guarantee_late');
    // One key row per guarantee, carrying its institution and code.
    expect(await q.query(`SELECT count(*)::int AS n FROM guarantee g JOIN guarantee_key k USING (id, institution_id, code)`)).toEqual([
      { n: before.length },
    ]);
    // A new guarantee lands in its year's partition, next year's included.
    await new GrantRepo(q.manager).insert(refs.institution, [row('NEW-2024', '2024-07-01'), row('NEW-NEXT', `${NEXT_YEAR}-02-01`)]);
    expect(await partitionOf('NEW-2024')).toBe('guarantee_y2024');
    expect(await partitionOf('NEW-NEXT')).toBe(`guarantee_y${NEXT_YEAR}`);
  });

  it('refuses a code the institution already used with the same unique violation, hence the same CONFLICT', async () => {
    await q.query('BEGIN');
    const err = await new GrantRepo(q.manager).insert(refs.institution, [row('G-2024a', '2026-01-05')]).catch((e: unknown) => e);
    await q.query('ROLLBACK');
    expect(err).toMatchObject({ code: '23505', constraint: 'uq_guarantee_institution_code' });
    expect(toClientError(err)?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(toClientError(err)?.message).toBe('A record with the same key already exists');
    expect(await q.query(`SELECT count(*)::int AS n FROM guarantee WHERE code = 'G-2024a'`)).toEqual([{ n: 1 }]);
  });

  it('keeps compensations referencing guarantees: no compensation of nothing, no deleting a compensated guarantee', async () => {
    const [{ id: institution }] = await q.query(`SELECT id FROM guarantee_institution`);
    await expect(
      q.query(
        `INSERT INTO compensation (guarantee_id, institution_id, amount, paid_on, suspected_malicious)
         VALUES (gen_random_uuid(), $1, 10, '2025-01-01', false)`,
        [institution],
      ),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(q.query(`DELETE FROM guarantee WHERE code = 'G-2023'`)).rejects.toMatchObject({ code: '23503' });
    // A guarantee nothing references goes with its key row, and its code may be used again.
    await q.query(`DELETE FROM guarantee WHERE code = 'NEW-2024'`);
    expect(await q.query(`SELECT 1 FROM guarantee_key WHERE code = 'NEW-2024'`)).toEqual([]);
    await new GrantRepo(q.manager).insert(refs.institution, [row('NEW-2024', '2024-07-01')]);
  });

  it('reads only the newest partitions for a newest-first page, and only earlier years after a deep cursor', async () => {
    const page = `SELECT g.id FROM guarantee g WHERE TRUE ORDER BY g.start_on DESC, g.id DESC LIMIT 2`;
    // Over a handful of rows PostgreSQL would rather sort them all: take the index path it takes over 10^6.
    await q.query(`SET enable_seqscan = off`);
    // Newest first: the newest rows are in guarantee_late (2040) and next year's; older years are never read.
    expect(await partitionsRead(page, true)).toEqual(['guarantee_late', `guarantee_y${NEXT_YEAR}`]);
    // After a cursor in 2024 (the keyset bound GuaranteeRepo.page writes): later years are not even planned.
    const [{ id }] = await q.query(`SELECT id FROM guarantee WHERE code = 'G-2024b'`);
    const deep = `SELECT g.id FROM guarantee g WHERE g.start_on <= '2024-12-31' AND (g.start_on, g.id) < ('2024-12-31', '${id}')
                  ORDER BY g.start_on DESC, g.id DESC LIMIT 2`;
    // 2020 is the first year with a partition of its own (OLD-2019 sits in guarantee_early).
    const earlier = ['guarantee_y2024', 'guarantee_y2023', 'guarantee_y2022', 'guarantee_y2021', 'guarantee_y2020', 'guarantee_early'];
    expect(await partitionsRead(deep, false)).toEqual(earlier);
    expect(await partitionsRead(deep, true)).toEqual(['guarantee_y2024']);
    await q.query(`RESET enable_seqscan`);
  });

  it('gives a year its own partition at start-up, moving the rows that waited in guarantee_late', async () => {
    const year = NEXT_YEAR + 1;
    await new GrantRepo(q.manager).insert(refs.institution, [row('WAITING', `${year}-03-01`)]);
    expect(await partitionOf('WAITING')).toBe('guarantee_late');
    const rows = await snapshot();
    expect(await ensureGuaranteeYears(ds, year)).toEqual([year]);
    expect(await partitionOf('WAITING')).toBe(`guarantee_y${year}`);
    expect(await partitionOf('FAR-2040')).toBe('guarantee_late');
    expect(await snapshot()).toEqual(rows);
    expect(await q.query(`SELECT count(*)::int AS n FROM guarantee g JOIN guarantee_key k USING (id, institution_id, code)`)).toEqual([
      { n: rows.length },
    ]);
    expect(await ensureGuaranteeYears(ds, year)).toEqual([]);
  });

  it('moves the rows back into the plain table, with its unique code and references, and drops guarantee_key', async () => {
    const rows = await snapshot();
    await new GuaranteePartitions1796386543217().down(q);
    expect(await q.query(`SELECT relkind FROM pg_class WHERE oid = 'guarantee'::regclass`)).toEqual([{ relkind: 'r' }]);
    expect(await snapshot()).toEqual(rows);
    expect(await q.query(`SELECT to_regclass('guarantee_key') AS t, to_regclass('guarantee_y2024') AS p`)).toEqual([{ t: null, p: null }]);
    expect(
      await q.query(
        `SELECT conname, confrelid::regclass::text AS target FROM pg_constraint
         WHERE conname IN ('uq_guarantee_institution_code', 'compensation_guarantee_id_fkey') ORDER BY conname`,
      ),
    ).toEqual([
      { conname: 'compensation_guarantee_id_fkey', target: 'guarantee' },
      { conname: 'uq_guarantee_institution_code', target: '-' },
    ]);
    await expect(
      q.query(
        `INSERT INTO guarantee (code, institution_id, bank_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                bank_risk_share, start_on, end_on, small_agri)
         SELECT code, institution_id, bank_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate, bank_risk_share,
                start_on, end_on, small_agri FROM guarantee WHERE code = 'G-2025'`,
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'uq_guarantee_institution_code' });
  });
});
