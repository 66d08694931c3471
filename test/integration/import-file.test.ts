import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { GraphQLError } from 'graphql';
import { importFile } from '../../src/modules/guarantee/import/import.run';
import { DomainError } from '../../src/platform/errors';
import { IMPORT_COLUMNS } from '../../src/modules/guarantee/import/import.csv';
import { createAgreement, createBank, createInstitution } from '../fixtures/business';
import { csvRow, generateRows, toCsv, type CsvRow } from '../fixtures/import-csv';
import { testDataSource } from '../support/db';

// The file import behind `npm run import`: it commits, so every row here belongs to a fresh institution.

const run = promisify(execFile);
let dir: string;
let ds: DataSource;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-import-'));
  ds = await testDataSource();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function partners() {
  const institution = await createInstitution(ds.manager);
  const bank = await createBank(ds.manager);
  await createAgreement(ds.manager, { institutionId: institution.id, bankId: bank.id }, { creditLine: '10000000000.00', batchMode: true });
  const count = async () =>
    (await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE institution_id = $1`, [institution.id]))[0].n as number;
  return { institution, bank, count };
}

async function writeXlsx(file: string, rows: CsvRow[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('总对总');
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const r of rows) {
    // As a spreadsheet holds them: amounts and rates as numbers, dates as dates.
    sheet.addRow([
      r.code,
      r.borrower_name,
      r.borrower_identifier,
      r.borrower_kind,
      r.region_code,
      r.bank_id,
      r.kind,
      Number(r.loan_amount),
      Number(r.guaranteed_amount),
      Number(r.fee_rate),
      new Date(`${r.start_on}T00:00:00Z`),
      new Date(`${r.end_on}T00:00:00Z`),
    ]);
  }
  workbook.addWorksheet('说明').addRow(['this sheet is ignored']);
  await workbook.xlsx.writeFile(file);
}

describe('importFile (npm run import)', () => {
  it('streams a CSV in chunks within one transaction, reporting progress; the same file again adds nothing', async () => {
    const { institution, bank, count } = await partners();
    const file = path.join(dir, 'batch.csv');
    fs.writeFileSync(file, toCsv(generateRows(12_000, [bank.id], 'CSV')));
    const progress: number[] = [];
    const result = await importFile(ds, institution.id, file, { update: (_bytes, rows) => progress.push(rows) });
    expect(result).toEqual({ acceptedCount: 12_000, duplicateCount: 0, rejected: [] });
    expect(progress).toEqual([5000, 10_000, 12_000]);
    expect(await count()).toBe(12_000);
    expect(await importFile(ds, institution.id, file)).toEqual({ acceptedCount: 0, duplicateCount: 12_000, rejected: [] });
    expect(await count()).toBe(12_000);
  });

  it('reads the first sheet of an XLSX workbook with the same header and rules', async () => {
    const { institution, bank, count } = await partners();
    const rows = generateRows(300, [bank.id], 'XLSX');
    rows[7] = { ...rows[7], borrower_kind: 'GOVERNMENT_PLATFORM' };
    const file = path.join(dir, 'batch.xlsx');
    await writeXlsx(file, rows);
    const result = await importFile(ds, institution.id, file);
    expect(result).toMatchObject({
      acceptedCount: 299,
      duplicateCount: 0,
      rejected: [{ row: 8, field: 'borrower_kind', code: 'POLICY_VIOLATION' }],
    });
    const [g] = await ds.query(`SELECT loan_amount, fee_rate, start_on FROM guarantee WHERE institution_id = $1 AND code = $2`, [
      institution.id,
      rows[0].code,
    ]);
    expect(g).toEqual({ loan_amount: rows[0].loan_amount, fee_rate: rows[0].fee_rate, start_on: rows[0].start_on });
    expect(await count()).toBe(299);
  });

  it('commits nothing when the file fails as a whole (a wrong header, an unknown institution)', async () => {
    const { institution, bank, count } = await partners();
    const bad = path.join(dir, 'bad-header.csv');
    fs.writeFileSync(bad, toCsv([csvRow(bank.id, 'H-1')], IMPORT_COLUMNS.slice(0, 11)));
    // The command gets the hub's domain errors, not GraphQL ones (issue 7: domain errors mapped at the edge).
    const refusal = await importFile(ds, institution.id, bad).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).not.toBeInstanceOf(GraphQLError);
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, toCsv([csvRow(bank.id, 'G-1')]));
    await expect(importFile(ds, '00000000-0000-4000-8000-000000000000', good)).rejects.toMatchObject({ field: 'institutionId' });
    await expect(importFile(ds, institution.id, path.join(dir, 'x.txt'))).rejects.toMatchObject({ field: 'file' });
    expect(await count()).toBe(0);
  });

  it('runs as a command: prints the report and exits 3 when rows were rejected, 2 on bad usage', async () => {
    const { institution, bank, count } = await partners();
    const file = path.join(dir, 'cli.csv');
    fs.writeFileSync(file, toCsv([csvRow(bank.id, 'CLI-1'), csvRow(bank.id, 'CLI-2', { fee_rate: '0.0123456' })]));
    const env = { ...process.env, DATABASE_URL: inject('databaseUrl'), NODE_ENV: 'test' };
    type Ran = { code: number; stdout: string; stderr: string };
    const cli = (args: string[]): Promise<Ran> =>
      run('node', ['-r', 'ts-node/register/transpile-only', 'scripts/import.ts', ...args], {
        env,
        cwd: path.resolve(__dirname, '../..'),
      }).then(
        (r) => ({ code: 0, ...r }),
        (err) => err as Ran,
      );
    const failed = await cli(['--institution', institution.id, file]);
    expect(failed.code).toBe(3);
    expect(failed.stdout).toContain('accepted: 1   duplicates: 0   rejected rows: 1');
    expect(failed.stdout).toMatch(/row 2\tfee_rate\tBAD_USER_INPUT\t/);
    expect(await count()).toBe(1);
    const again = await cli(['--json', '--institution', institution.id, file]);
    expect(again.code).toBe(3);
    expect(JSON.parse(again.stdout)).toMatchObject({ acceptedCount: 0, duplicateCount: 1, rejected: [{ row: 2, field: 'fee_rate' }] });
    const usage = await cli([file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/required option '--institution/);
  }, 180_000);
});
