import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from '../../src/app/data-source';
import { InitialSchema1764201600000 } from '../../migrations/1764201600000-InitialSchema';
import { BorrowerPerInstitution1796213471254 } from '../../migrations/1796213471254-BorrowerPerInstitution';
import { validCreditCode } from '../fixtures/business';
import { createScratchDatabase } from '../support/scratch';

// The borrower-ownership migration moves data written under the old model (one borrower row per identifier,
// shared by every institution) into rows per (institution, identifier), and back.

describe('migration BorrowerPerInstitution on data of the shared-borrower model', () => {
  let ds: DataSource;
  let q: QueryRunner;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createScratchDatabase('hub_borrower_split');
    drop = scratch.drop;
    ds = createDataSource(scratch.url);
    await ds.initialize();
    q = ds.createQueryRunner();
    await new InitialSchema1764201600000().up(q);
  });

  afterAll(async () => {
    await q?.release();
    await ds?.destroy();
    await drop?.();
  });

  it('splits a shared borrower into one row per institution with fresh ids, keeps an unshared one, and merges them back down', async () => {
    const [region] = await q.query(`INSERT INTO region (code, name, kind, sort_order) VALUES ('371522', '莘县', 'COUNTY', 1) RETURNING id`);
    const institution = async (name: string, code: string) =>
      (
        await q.query(
          `INSERT INTO guarantee_institution (name, credit_code, level, region_id, registered_capital, paid_in_capital, net_assets)
           VALUES ($1, $2, 'COUNTY', $3, 1, 1, 1) RETURNING id`,
          [name, code, region.id],
        )
      )[0].id as string;
    const [a, b] = [await institution('甲担保', validCreditCode()), await institution('乙担保', validCreditCode())];
    const [bank] = await q.query(`INSERT INTO bank (name, kind) VALUES ('某银行', 'OTHER') RETURNING id`);
    const borrower = async (name: string) =>
      (
        await q.query(
          `INSERT INTO borrower (name, identifier, identifier_kind, kind, region_id) VALUES ($1, $2, 'CREDIT_CODE', 'FARMER', $3) RETURNING id, identifier`,
          [name, validCreditCode('371522'), region.id],
        )
      )[0] as { id: string; identifier: string };
    const [shared, onlyA, orphan] = [await borrower('共用'), await borrower('仅甲'), await borrower('无业务')];
    const guarantee = (code: string, institutionId: string, borrowerId: string) =>
      q.query(
        `INSERT INTO guarantee (code, institution_id, bank_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                bank_risk_share, start_on, end_on, small_agri)
         VALUES ($1, $2, $3, $4, $5, 'LOAN', 100, 100, 0.01, 0, '2024-03-01', '2025-02-28', true)`,
        [code, institutionId, bank.id, borrowerId, region.id],
      );
    await guarantee('A-1', a, shared.id);
    await guarantee('A-2', a, shared.id);
    await guarantee('B-1', b, shared.id);
    await guarantee('A-3', a, onlyA.id);

    await new BorrowerPerInstitution1796213471254().up(q);
    const rows: { code: string; institution_id: string; borrower_id: string; owner: string; identifier: string; name: string }[] =
      await q.query(
        `SELECT g.code, g.institution_id, g.borrower_id, br.institution_id AS owner, br.identifier, br.name
           FROM guarantee g JOIN borrower br ON br.id = g.borrower_id ORDER BY g.code`,
      );
    for (const r of rows) expect(r.owner).toBe(r.institution_id);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    // The shared borrower: one row per institution, both new ids; A's two guarantees share A's row.
    expect(byCode.get('A-1')!.borrower_id).toBe(byCode.get('A-2')!.borrower_id);
    expect(new Set([byCode.get('A-1')!.borrower_id, byCode.get('B-1')!.borrower_id, shared.id]).size).toBe(3);
    expect([byCode.get('A-1')!.name, byCode.get('B-1')!.name]).toEqual(['共用', '共用']);
    // Unshared: kept as it was, id and all; the borrower without business is gone.
    expect(byCode.get('A-3')!.borrower_id).toBe(onlyA.id);
    expect(await q.query(`SELECT count(*)::int AS n FROM borrower`)).toEqual([{ n: 3 }]);
    expect(await q.query(`SELECT 1 FROM borrower WHERE id = ANY($1)`, [[shared.id, orphan.id]])).toEqual([]);
    // Both institutions may now hold the identifier; one institution only once.
    await expect(
      q.query(
        `INSERT INTO borrower (institution_id, name, identifier, identifier_kind, kind, region_id) VALUES ($1, 'x', $2, 'CREDIT_CODE', 'FARMER', $3)`,
        [a, shared.identifier, region.id],
      ),
    ).rejects.toMatchObject({ code: '23505' });

    await new BorrowerPerInstitution1796213471254().down(q);
    const merged: { code: string; borrower_id: string }[] = await q.query(`SELECT code, borrower_id FROM guarantee ORDER BY code`);
    expect(new Set(merged.filter((g) => g.code !== 'A-3').map((g) => g.borrower_id)).size).toBe(1);
    expect(merged.find((g) => g.code === 'A-3')!.borrower_id).toBe(onlyA.id);
    expect(await q.query(`SELECT count(*)::int AS n FROM borrower`)).toEqual([{ n: 2 }]);
    await expect(
      q.query(`INSERT INTO borrower (name, identifier, identifier_kind, kind, region_id) VALUES ('x', $1, 'CREDIT_CODE', 'FARMER', $2)`, [
        shared.identifier,
        region.id,
      ]),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
