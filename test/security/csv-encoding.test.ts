import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Role } from '../../src/access/roles';
import { importFile } from '../../src/modules/guarantee/import/import.run';
import { createAgreement, createBank, createInstitution } from '../fixtures/business';
import { IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { testDataSource } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

// Issue 8, item 9 (DESIGN.md §6 "Files from Chinese offices"): Excel and WPS on Chinese Windows save "CSV" in
// GBK. Such a file imported with exit 0 and stored its borrower names as mojibake. Now it is decoded as
// GB18030 — or, when its text cannot be read faithfully, refused as a whole — and never stored garbled.

const run = promisify(execFile);
const NAMES = ['聊城市东昌府区鑫源（个体）商行', '阳谷县张秋镇王庄村股份经济合作社', '茌平区·韩屯镇农机服务部', '临清市烟店镇轴承配件厂'];
let dir: string;
let ds: DataSource;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-encoding-'));
  ds = await testDataSource();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh institution (imports commit) with a batch agreement, its CSV text with Chinese names, and what it stored. */
async function setUp(names: readonly string[] = NAMES) {
  const institution = await createInstitution(ds.manager);
  const bank = await createBank(ds.manager);
  await createAgreement(ds.manager, { institutionId: institution.id, bankId: bank.id }, { creditLine: '1000000000.00', batchMode: true });
  const rows = names.map((name, i) => csvRow(bank.id, `ENC-${i}`, { borrower_name: name }));
  // As Excel writes it: CRLF line ends.
  const csv = toCsv(rows).replaceAll('\n', '\r\n');
  const stored = async (): Promise<string[]> =>
    (
      await ds.query(`SELECT b.name FROM guarantee g JOIN borrower b ON b.id = g.borrower_id WHERE g.institution_id = $1 ORDER BY g.code`, [
        institution.id,
      ])
    ).map((r: { name: string }) => r.name);
  return { institution, csv, stored };
}

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('npm run import: a CSV file in the encoding Chinese offices save', () => {
  it('decodes a GBK file (Excel/WPS "CSV", CRLF) and stores the names exactly', async () => {
    const { institution, csv, stored } = await setUp();
    const bytes = iconv.encode(csv, 'gbk');
    expect(bytes.toString('utf8')).not.toBe(csv); // really not UTF-8
    const result = await importFile(ds, institution.id, write('excel-gbk.csv', bytes));
    expect(result).toEqual({ acceptedCount: NAMES.length, duplicateCount: 0, rejected: [] });
    expect(await stored()).toEqual(NAMES);
  });

  it('decodes GB18030, characters beyond GBK included', async () => {
    const names = ['𠀾𡃁有限公司', '䶮记（个体）'];
    const { institution, csv, stored } = await setUp(names);
    const result = await importFile(ds, institution.id, write('gb18030.csv', iconv.encode(csv, 'gb18030')));
    expect(result.acceptedCount).toBe(names.length);
    expect(await stored()).toEqual(names);
  });

  it('still reads UTF-8 with a BOM and CRLF ("CSV UTF-8"), and UTF-16 with its BOM', async () => {
    const utf8 = await setUp();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8.csv, 'utf8')]);
    expect((await importFile(ds, utf8.institution.id, write('utf8-bom.csv', bom))).acceptedCount).toBe(NAMES.length);
    expect(await utf8.stored()).toEqual(NAMES);
    const utf16 = await setUp();
    const le = iconv.encode(utf16.csv, 'utf-16le', { addBOM: true });
    expect((await importFile(ds, utf16.institution.id, write('utf16.csv', le))).acceptedCount).toBe(NAMES.length);
    expect(await utf16.stored()).toEqual(NAMES);
  });

  it('refuses, writing nothing, a file whose bytes are neither UTF-8 nor GB18030, or UTF-8 with foreign bytes in it', async () => {
    const neither = await setUp();
    // A GBK file with a byte 0xFF in the first name: it begins no character in either encoding.
    const [before, after] = neither.csv.split('商行');
    const broken = Buffer.concat([iconv.encode(before, 'gbk'), Buffer.from([0xff]), iconv.encode(after, 'gbk')]);
    await expect(importFile(ds, neither.institution.id, write('broken.csv', broken))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'csv',
      message: expect.stringContaining('row 1'),
    });
    expect(await neither.stored()).toEqual([]);

    const mixed = await setUp();
    // A UTF-8 file into which one GBK-saved name was pasted.
    const [head, tail] = mixed.csv.split(NAMES[2]);
    const pasted = Buffer.concat([Buffer.from(head, 'utf8'), iconv.encode(NAMES[2], 'gbk'), Buffer.from(tail, 'utf8')]);
    await expect(importFile(ds, mixed.institution.id, write('mixed.csv', pasted))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'csv',
    });
    expect(await mixed.stored()).toEqual([]);
  });

  it('as a command: a GBK file imports with exit 0 and its names stored as written', async () => {
    const { institution, csv, stored } = await setUp();
    const file = write('cli-gbk.csv', iconv.encode(csv, 'gbk'));
    const env = { ...process.env, DATABASE_URL: inject('databaseUrl'), NODE_ENV: 'test' };
    const done = await run('node', ['-r', 'ts-node/register/transpile-only', 'scripts/import.ts', '--institution', institution.id, file], {
      env,
      cwd: path.resolve(__dirname, '../..'),
    });
    expect(done.stdout).toContain(`accepted: ${NAMES.length}`);
    expect(await stored()).toEqual(NAMES);
  }, 180_000);
});

describe('importGuarantees: CSV text the client decoded', () => {
  it('refuses text in which a GBK file was read as UTF-8 (names already lost), writing nothing', async () => {
    const { institution, csv, stored } = await setUp();
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const misread = iconv.encode(csv, 'gbk').toString('utf8');
    const refused = await gql(ds.manager, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv: misread });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions).toMatchObject({ field: 'csv' });
    expect(refused.errors![0].message).toContain('GB18030');
    expect(await stored()).toEqual([]);

    const decoded = iconv.decode(iconv.encode(csv, 'gbk'), 'gb18030');
    const accepted = ok(await gql(ds.manager, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv: decoded }));
    expect(accepted.importGuarantees.acceptedCount).toBe(NAMES.length);
    expect(await stored()).toEqual(NAMES);
  });
});
