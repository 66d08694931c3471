import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { dec } from '../../src/platform/lib/decimal';
import { IMPORT_COLUMNS } from '../../src/modules/guarantee/import/import.csv';
import { countRows, createAgreement, createBank, createGuarantee, createInstitution, validCreditCode } from '../fixtures/business';
import { IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { csvRow, generateRows, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

interface ImportResult {
  acceptedCount: number;
  duplicateCount: number;
  rejected: { row: number; field: string | null; code: string; message: string }[];
}

async function setUp(m: EntityManager, creditLine = '10000000000.00') {
  const institution = await createInstitution(m);
  const banks = [await createBank(m), await createBank(m)];
  const agreements = [];
  for (const bank of banks)
    agreements.push(
      await createAgreement(
        m,
        { institutionId: institution.id, bankId: bank.id },
        { creditLine, batchMode: true, bankRiskShare: '0.300000' },
      ),
    );
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const run = async (csv: string, v = owner) =>
    ok(await gql<{ importGuarantees: ImportResult }>(m, v, IMPORT_GUARANTEES, { institutionId: institution.id, csv })).importGuarantees;
  const footprint = async () => ({
    guarantees: await countRows(m, 'guarantee', 'institution_id = $1', [institution.id]),
    used: (await m.query(`SELECT sum(used_credit) AS s FROM cooperation_agreement WHERE institution_id = $1`, [institution.id]))[0].s,
    stats: (
      await m.query(`SELECT coalesce(sum(new_count), 0)::int AS n FROM business_month_stats WHERE institution_id = $1`, [institution.id])
    )[0].n,
  });
  return { institution, banks, agreements, owner, run, footprint };
}

describe('importGuarantees (总对总 batch import)', () => {
  it('imports 10,000 rows in one transaction, and a second import of the same file adds nothing', async () => {
    await inRollback(async (m) => {
      const { institution, banks, run, footprint } = await setUp(m);
      const rows = generateRows(
        10_000,
        banks.map((b) => b.id),
        'BATCH',
      );
      const csv = toCsv(rows);

      // Its speed is the bench's to measure (bench/import.ts, 100,000 rows beside 10^6 or 10^7 guarantees).
      expect(await run(csv)).toEqual({ acceptedCount: 10_000, duplicateCount: 0, rejected: [] });

      const total = rows.reduce((s, r) => s.plus(r.guaranteed_amount), dec(0)).toFixed(2);
      const after = await footprint();
      expect(after).toEqual({ guarantees: 10_000, used: total, stats: 10_000 });
      const [{ sum }] = await m.query(`SELECT sum(new_amount) FROM business_month_stats WHERE institution_id = $1`, [institution.id]);
      expect(sum).toBe(total);

      expect(await run(csv)).toEqual({ acceptedCount: 0, duplicateCount: 10_000, rejected: [] });
      expect(await footprint()).toEqual(after);
    });
  });

  it('decides R1 row by row in file order, counting earlier rows of the file and business already in force', async () => {
    await inRollback(async (m) => {
      const { institution, banks, run } = await setUp(m);
      const identifier = validCreditCode();
      const [borrower] = await m.query(
        `INSERT INTO borrower (institution_id, name, identifier, identifier_kind, kind, region_id)
         SELECT $2, '老客户', $1, 'CREDIT_CODE', 'SMALL_ENTERPRISE', id FROM region WHERE code = '371502' RETURNING id`,
        [identifier, institution.id],
      );
      await createGuarantee(
        m,
        { institutionId: institution.id, bankId: banks[0].id, borrowerId: borrower.id },
        { loanAmount: '3000000.00', guaranteedAmount: '3000000.00' },
      );
      const b = { borrower_identifier: identifier.toLowerCase(), borrower_kind: 'SMALL_ENTERPRISE' };
      const csv = toCsv([
        csvRow(banks[0].id, 'R1-A', { ...b, loan_amount: '4000000.00', guaranteed_amount: '4000000.00' }),
        csvRow(banks[1].id, 'R1-B', { ...b, loan_amount: '3000000.00', guaranteed_amount: '3000000.00' }),
        csvRow(banks[0].id, 'R1-C', { ...b, loan_amount: '0.01', guaranteed_amount: '0.01' }),
      ]);
      expect((await run(csv)).acceptedCount).toBe(3);
      const rows = await m.query(`SELECT code, small_agri FROM guarantee WHERE institution_id = $1 AND code LIKE 'R1-%' ORDER BY code`, [
        institution.id,
      ]);
      expect(rows).toEqual([
        { code: 'R1-A', small_agri: true },
        { code: 'R1-B', small_agri: true },
        { code: 'R1-C', small_agri: false },
      ]);
    });
  });

  it('reports each invalid row with its number, column and code, counts duplicates, and accepts the valid rows', async () => {
    await inRollback(async (m) => {
      const { institution, banks, run, footprint, agreements } = await setUp(m, '1000000.00');
      await createGuarantee(m, { institutionId: institution.id, bankId: banks[0].id }, { code: 'OLD-1' });
      const bank = banks[0].id;
      const csv = toCsv([
        /* 1 */ csvRow(bank, 'OK-1', { guaranteed_amount: '600000.00', loan_amount: '600000.00' }),
        /* 2 */ csvRow(bank, 'BAD-ID', { borrower_identifier: '91350100M000100Y44' }),
        /* 3 */ csvRow(bank, 'GOV', { borrower_kind: 'GOVERNMENT_PLATFORM' }),
        /* 4 */ csvRow(bank, 'REGION', { region_code: '999999' }),
        /* 5 */ csvRow('00000000-0000-4000-8000-000000000000', 'BANK'),
        /* 6 */ csvRow(bank, 'AMOUNT', { guaranteed_amount: '500000.01' }),
        /* 7 */ csvRow(bank, 'DATE', { start_on: '2024-02-30' }),
        /* 8 */ csvRow(bank, 'OK-1'),
        /* 9 */ csvRow(bank, 'OLD-1'),
        /* 10 */ csvRow(bank, 'LINE', { guaranteed_amount: '400000.01', loan_amount: '400000.01' }),
        /* 11 */ csvRow(bank, 'OK-2', { guaranteed_amount: '400000.00', loan_amount: '400000.00' }),
        /* 12 */ csvRow(bank, 'KIND', { kind: 'MORTGAGE', fee_rate: '1.5' }),
      ]).replace('\n', '\nonly,three,cells\n');
      const result = await run(csv);
      expect([result.acceptedCount, result.duplicateCount]).toEqual([2, 2]);
      expect(result.rejected.map(({ row, field, code }) => [row, field, code])).toEqual([
        [1, null, 'BAD_USER_INPUT'],
        [3, 'borrower_identifier', 'BAD_USER_INPUT'],
        [4, 'borrower_kind', 'POLICY_VIOLATION'],
        [5, 'region_code', 'BAD_USER_INPUT'],
        [6, 'bank_id', 'BAD_USER_INPUT'],
        [7, 'guaranteed_amount', 'BAD_USER_INPUT'],
        [8, 'start_on', 'BAD_USER_INPUT'],
        [11, 'guaranteed_amount', 'CREDIT_LINE_EXCEEDED'],
        [13, 'kind', 'BAD_USER_INPUT'],
        [13, 'fee_rate', 'BAD_USER_INPUT'],
      ]);
      expect(result.rejected.find((r) => r.row === 5)?.message).toMatch(/^region_code /);
      expect(await footprint()).toMatchObject({ guarantees: 3, used: '1000000.00' });
      const imported = await m.query(
        `SELECT code, bank_risk_share, agreement_id FROM guarantee WHERE institution_id = $1 AND code LIKE 'OK-%' ORDER BY code`,
        [institution.id],
      );
      expect(imported).toEqual([
        { code: 'OK-1', bank_risk_share: '0.300000', agreement_id: agreements[0].id },
        { code: 'OK-2', bank_risk_share: '0.300000', agreement_id: agreements[0].id },
      ]);
    });
  });

  it("reads a spreadsheet's CSV: BOM, CRLF, quoted commas, and blank or all-empty rows skipped as the XLSX reader skips them", async () => {
    await inRollback(async (m) => {
      const { banks, run, footprint } = await setUp(m);
      const bank = banks[0].id;
      const lines = toCsv([
        csvRow(bank, 'S-1', { borrower_name: '聊城市某某农业有限公司,东昌府分公司' }),
        csvRow(bank, 'S-2'),
        csvRow(bank, 'S-3', { fee_rate: '1e-3' }),
      ])
        .trimEnd()
        .split('\n');
      const blank = ','.repeat(IMPORT_COLUMNS.length - 1);
      const csv = '\uFEFF' + [`${lines[0]},,`, lines[1], blank, '', lines[2], ' , , ', lines[3], blank, '', ''].join('\r\n');
      const result = await run(csv);
      expect(result).toEqual({
        acceptedCount: 2,
        duplicateCount: 0,
        rejected: [expect.objectContaining({ row: 3, field: 'fee_rate', code: 'BAD_USER_INPUT' })],
      });
      expect(await footprint()).toMatchObject({ guarantees: 2 });
    });
  });

  it('refuses a file whose header is not exactly the listed columns (BAD_USER_INPUT csv), writing nothing', async () => {
    await inRollback(async (m) => {
      const { banks, run, footprint, owner, institution } = await setUp(m);
      const before = await footprint();
      const rows = [csvRow(banks[0].id, 'H-1')];
      for (const header of [[...IMPORT_COLUMNS].reverse(), IMPORT_COLUMNS.slice(1), [...IMPORT_COLUMNS, 'note']]) {
        const result = await gql(m, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv: toCsv(rows, header) });
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.field).toBe('csv');
      }
      expect(codes(await gql(m, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv: '' }))).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(await gql(m, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv: `${IMPORT_COLUMNS.join(',')}\n"unclosed,1\n` })),
      ).toEqual(['BAD_USER_INPUT']);
      expect(await footprint()).toEqual(before);
      // The twin: the right header, with a BOM and Windows line ends, is read.
      expect(await run('\ufeff' + toCsv(rows).replaceAll('\n', '\r\n'))).toEqual({ acceptedCount: 1, duplicateCount: 0, rejected: [] });
    });
  });

  it('is NOT_FOUND for another institution and FORBIDDEN to other roles; nothing written', async () => {
    await inRollback(async (m) => {
      const { banks, footprint, institution } = await setUp(m);
      const csv = toCsv([csvRow(banks[0].id, 'X-1')]);
      const before = await footprint();
      const other = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: (await createInstitution(m)).id });
      expect(codes(await gql(m, other, IMPORT_GUARANTEES, { institutionId: institution.id, csv }))).toEqual(['NOT_FOUND']);
      for (const role of [Role.FINANCE, Role.BANK, Role.FINANCIAL_REGULATOR]) {
        expect(
          codes(await gql(m, viewer(role, { institutionId: institution.id }), IMPORT_GUARANTEES, { institutionId: institution.id, csv })),
        ).toEqual(['FORBIDDEN']);
      }
      expect(await footprint()).toEqual(before);
    });
  });
});
