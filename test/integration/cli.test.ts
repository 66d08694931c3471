import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { ALL_ROLES } from '../../src/access/roles';
import { IMPORT_COLUMNS } from '../../src/modules/guarantee/import/import.csv';
import pino from 'pino';
import { createDataSource } from '../../src/app/data-source';
import { migrate } from '../../src/app/database';
import { applyReferenceData } from '../../src/app/reference-data';
import { createBank, createGuarantee, createInstitution } from '../fixtures/business';
import { testDataSource } from '../support/db';
import { maintainedEqualsRecomputed } from '../support/household-oracle';
import { createScratchDatabase } from '../support/scratch';

/**
 * The commands agree (issue 9): the compiled scripts (dist/, as `npm run token|import|seed:demo` run them; `npm test`
 * builds it first) print --help on stdout with status 0, refuse bad usage on stderr with status 2 naming the valid
 * values, and say what is wrong with a bad file in words. The bench runs from its sources (ts-node).
 */
// Each test starts several Node processes: on a loaded two-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000 });

const ROOT = path.resolve(__dirname, '../..');
const SECRET = 'cli-test-secret-0123456789abcdefghijklmnop';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const { DATABASE_URL: _d, NODE_ENV: _n, ...base } = process.env;
  const argv = script.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', script, ...args] : [script, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: ROOT, env: { ...base, HUB_DATA_DIR: dir, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const token = (args: string[], env?: Record<string, string>) => run('dist/scripts/token.js', args, { JWT_SECRET: SECRET, ...env });
const importer = (args: string[]) => run('dist/scripts/import.js', args, { DATABASE_URL: inject('databaseUrl') });

describe('--help', () => {
  it('goes to stdout with status 0, for every command', async () => {
    const scripts = ['token', 'import', 'seed-demo', 'rebuild-balances'].map((s) => `dist/scripts/${s}.js`);
    for (const script of [...scripts, 'bench/guarantees-page.ts']) {
      const r = await run(script, ['--help']);
      expect([r.code, r.stderr], script).toEqual([0, '']);
      expect(r.stdout, script).toMatch(/^Usage: /);
    }
  }, 120_000);
});

describe('npm run token', () => {
  it('refuses bad usage on stderr with status 2: an unknown option, an unknown role (listing the roles), a lifetime of "forever"', async () => {
    const unknown = await token(['--role', 'FINANCE', '--colour', 'red']);
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain("unknown option '--colour'");

    const role = await token(['--role', 'MAYOR']);
    expect([role.code, role.stdout]).toEqual([2, '']);
    expect(role.stderr).toContain('unknown role "MAYOR"');
    for (const r of ALL_ROLES) expect(role.stderr).toContain(r);

    const forever = await token(['--role', 'FINANCE', '--expires-in', 'forever']);
    expect([forever.code, forever.stdout]).toEqual([2, '']);
    expect(forever.stderr).toContain('"forever" is not a lifetime: give one such as 30m, 8h or 7d');
    expect(forever.stderr).not.toMatch(/Invalid time period/);
  });

  it('prints the token alone on stdout, and takes a region code where the region id goes', async () => {
    const plain = await token(['--role', 'finance']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);

    const local = await token(['--role', 'LOCAL_GOVERNMENT', '--region', '371502'], { DATABASE_URL: inject('databaseUrl') });
    expect(local.code, local.stderr).toBe(0);
    const claims = JSON.parse(Buffer.from(local.stdout.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ role: 'LOCAL_GOVERNMENT', regionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const nowhere = await token(['--role', 'LOCAL_GOVERNMENT', '--region', '999999'], { DATABASE_URL: inject('databaseUrl') });
    expect([nowhere.code, nowhere.stdout]).toEqual([2, '']);
    expect(nowhere.stderr).toContain('no region has code 999999');
  });
});

describe('npm run import', () => {
  it('takes the institution by credit code and the bank on the command line, and imports the example cleanly', async () => {
    const ds = await testDataSource();
    const institution = await createInstitution(ds.manager);
    const bank = await createBank(ds.manager);
    const r = await importer(['--institution', institution.creditCode, '--bank', bank.id, 'examples/guarantees.csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('accepted: 6   duplicates: 0   rejected rows: 0');
  });

  it('says what is wrong with a bad file: not an xlsx, the header beside the expected one; status 1, nothing imported', async () => {
    const ds = await testDataSource();
    const institution = await createInstitution(ds.manager);
    const fake = path.join(dir, 'report.xlsx');
    fs.writeFileSync(fake, 'code,borrower_name\nA,B\n');
    const notZip = await importer(['--institution', institution.id, fake]);
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain('report.xlsx is not an xlsx (zip) file');
    expect(notZip.stderr).not.toMatch(/signature/);

    const header = path.join(dir, 'header.csv');
    fs.writeFileSync(header, 'code,name,identifier\nA,B,C\n');
    const wrong = await importer(['--institution', institution.id, header]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`expected: ${IMPORT_COLUMNS.join(',')}`);
    expect(wrong.stderr).toContain('found:    code,name,identifier');
    expect(wrong.stderr).toContain('Nothing was imported.');
  });

  it('refuses bad usage with status 2: no institution, an unknown credit code, an unknown option', async () => {
    const missing = await importer(['examples/guarantees.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--institution/);
    const unknown = await importer(['--institution', '91371500MA00000000', 'examples/guarantees.csv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no institution has the credit code 91371500MA00000000');
    const option = await importer(['--institution', 'x', '--dry-run', 'examples/guarantees.csv']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--dry-run'");
  });
});

describe('npm run seed:demo', () => {
  it('refuses a count that is not a whole number with status 2', async () => {
    const r = await run('dist/scripts/seed-demo.js', ['--guarantees', 'lots']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain("option '--guarantees <n>' argument 'lots' is invalid");
  });
});

describe('npm run balances:rebuild', () => {
  it('repairs the open balances after guarantees were changed by SQL outside the hub, and bumps the data versions', async () => {
    // A database of its own: the rebuild takes every institution's ledger_version row.
    const db = await createScratchDatabase('hub_rebuild');
    const ds = await createDataSource(db.url, { poolSize: 2 }).initialize();
    try {
      await migrate(ds, pino({ level: 'silent' }));
      await applyReferenceData(ds);
      const m = ds.manager;
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      const refs = { institutionId: institution.id, bankId: bank.id };
      await createGuarantee(m, refs, { guaranteedAmount: '300000.00' });
      const released = await createGuarantee(m, refs, { guaranteedAmount: '200000.00' });
      // By hand, past the write paths: one guarantee released, and a new one inserted by SQL (the fixture's, its
      // balance then taken out again), so the maintained balances no longer match the guarantee table.
      await m.query(`UPDATE guarantee SET status = 'RELEASED', released_on = start_on WHERE id = $1`, [released.id]);
      const added = await createGuarantee(m, refs, { guaranteedAmount: '50000.00' });
      await m.query(`DELETE FROM household_balance WHERE borrower_id = $1`, [added.borrowerId]);
      await expect(maintainedEqualsRecomputed(m, [institution.id])).rejects.toThrow();
      const [before] = await m.query(`SELECT version FROM ledger_version WHERE institution_id = $1`, [institution.id]);

      const r = await run('dist/scripts/rebuild-balances.js', [], { DATABASE_URL: db.url });
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(
        /open balances rebuilt from the guarantee table in [\d.]+ s \(institutions: 1; borrowers with an open balance: 2\)/,
      );
      await maintainedEqualsRecomputed(m, [institution.id]);
      const [after] = await m.query(`SELECT version, open_balance::text FROM ledger_version WHERE institution_id = $1`, [institution.id]);
      expect(after).toEqual({ version: String(Number(before.version) + 1), open_balance: '350000.00' });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('refuses an unknown option with status 2', async () => {
    const r = await run('dist/scripts/rebuild-balances.js', ['--all']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain("unknown option '--all'");
  });
});
