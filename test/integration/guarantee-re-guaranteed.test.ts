import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { importFile } from '../../src/modules/guarantee/import/import.run';
import { IMPORT_COLUMNS } from '../../src/modules/guarantee/import/import.csv';
import { countRows, createAgreement, createBank, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { inRollback, testDataSource } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/**
 * 纳入省再担保 (R8, 聊财金〔2023〕14号): a guarantee's reGuaranteed flag, from createGuarantee and from the optional
 * thirteenth column of a 总对总 file (../shared/DESIGN.md §4); files with the old twelve columns still import.
 */
const CREATE = `mutation ($input: GuaranteeInput!) { createGuarantee(input: $input) { id code reGuaranteed } }`;

async function setUp(m: EntityManager) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { creditLine: '100000000.00', batchMode: true });
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const flags = async () =>
    Object.fromEntries(
      (await m.query(`SELECT code, re_guaranteed FROM guarantee WHERE institution_id = $1 ORDER BY code`, [institution.id])).map(
        (r: { code: string; re_guaranteed: boolean }) => [r.code, r.re_guaranteed],
      ),
    );
  const run = async (csv: string) => ok(await gql(m, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv })).importGuarantees;
  return { institution, bank, owner, flags, run };
}

/** A CSV with the thirteenth column: the rows' own cells, then each row's re_guaranteed cell as given. */
function csv13(rows: { row: ReturnType<typeof csvRow>; flag: string }[]): string {
  const body = toCsv(rows.map((r) => r.row))
    .trimEnd()
    .split('\n');
  body[0] += ',re_guaranteed';
  return body.map((line, i) => (i === 0 ? line : `${line},${rows[i - 1].flag}`)).join('\n') + '\n';
}

describe('Guarantee.reGuaranteed (纳入省再担保)', () => {
  it('is what createGuarantee was given, false when left out', async () => {
    await inRollback(async (m) => {
      const s = await setUp(m);
      const refs = { institutionId: s.institution.id, bankId: s.bank.id, regionId: await regionId(m, '371502') };
      const yes = ok(await gql(m, s.owner, CREATE, { input: guaranteeInput(refs, { reGuaranteed: true }) })).createGuarantee;
      const no = ok(await gql(m, s.owner, CREATE, { input: guaranteeInput(refs, { reGuaranteed: false }) })).createGuarantee;
      const absent = ok(await gql(m, s.owner, CREATE, { input: guaranteeInput(refs) })).createGuarantee;
      expect([yes.reGuaranteed, no.reGuaranteed, absent.reGuaranteed]).toEqual([true, false, false]);
      expect(await s.flags()).toEqual({ [yes.code]: true, [no.code]: false, [absent.code]: false });
      const read = ok(await gql(m, viewer(Role.FINANCE), `query($id: ID!) { guarantee(id: $id) { reGuaranteed } }`, { id: yes.id }));
      expect(read.guarantee).toEqual({ reGuaranteed: true });
    });
  });

  it('imports a thirteen-column file: true/false, 是/否, 1/0, empty as false; anything else a row error on re_guaranteed', async () => {
    await inRollback(async (m) => {
      const s = await setUp(m);
      const cells = ['true', 'FALSE', '是', '否', '1', '0', '', 'yes'];
      const rows = cells.map((flag, i) => ({ row: csvRow(s.bank.id, `R-${i}`), flag }));
      const result = await s.run(csv13(rows));
      expect(result.acceptedCount).toBe(7);
      expect(result.rejected).toEqual([
        { row: 8, field: 're_guaranteed', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^re_guaranteed /) },
      ]);
      expect(await s.flags()).toEqual({ 'R-0': true, 'R-1': false, 'R-2': true, 'R-3': false, 'R-4': true, 'R-5': false, 'R-6': false });
    });
  });

  it('still imports a file with the old twelve columns, every guarantee not re-guaranteed; a thirteenth cell there is a row error', async () => {
    await inRollback(async (m) => {
      const s = await setUp(m);
      const result = await s.run(
        toCsv([csvRow(s.bank.id, 'OLD-1'), csvRow(s.bank.id, 'OLD-2')]) + toCsv([csvRow(s.bank.id, 'OLD-3')]).split('\n')[1] + ',true\n',
      );
      expect(result).toEqual({
        acceptedCount: 2,
        duplicateCount: 0,
        rejected: [{ row: 3, field: null, code: 'BAD_USER_INPUT', message: 'The row has 13 columns; the header has 12' }],
      });
      expect(await s.flags()).toEqual({ 'OLD-1': false, 'OLD-2': false });
    });
  });

  it('refuses a header whose thirteenth column is not re_guaranteed, writing nothing', async () => {
    await inRollback(async (m) => {
      const s = await setUp(m);
      const bad = `${[...IMPORT_COLUMNS, 'reguaranteed'].join(',')}\n`;
      const result = await gql(m, s.owner, IMPORT_GUARANTEES, { institutionId: s.institution.id, csv: bad });
      expect([codes(result), result.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'csv']);
      expect(await countRows(m, 'guarantee', 'institution_id = $1', [s.institution.id])).toBe(0);
    });
  });
});

describe('re_guaranteed in an XLSX file (npm run import)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-reguarantee-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads boolean and text cells, and an empty last cell as false', async () => {
    const ds = await testDataSource();
    const institution = await createInstitution(ds.manager);
    const bank = await createBank(ds.manager);
    await createAgreement(ds.manager, { institutionId: institution.id, bankId: bank.id }, { creditLine: '100000000.00', batchMode: true });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('总对总');
    sheet.addRow([...IMPORT_COLUMNS, 're_guaranteed']);
    const flags: (boolean | string | null)[] = [true, false, '是', null];
    flags.forEach((flag, i) => {
      const r = csvRow(bank.id, `X-${i}`);
      sheet.addRow([...IMPORT_COLUMNS.map((c) => r[c]), ...(flag === null ? [] : [flag])]);
    });
    const file = path.join(dir, 'batch.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await importFile(ds, institution.id, file)).toEqual({ acceptedCount: 4, duplicateCount: 0, rejected: [] });
    const rows = await ds.query(`SELECT code, re_guaranteed FROM guarantee WHERE institution_id = $1 ORDER BY code`, [institution.id]);
    expect(rows.map((r: { re_guaranteed: boolean }) => r.re_guaranteed)).toEqual([true, false, true, false]);
  });
});
