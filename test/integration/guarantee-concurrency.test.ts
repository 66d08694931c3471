import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Role } from '../../src/access/roles';
import { createDataSource } from '../../src/app/data-source';
import {
  createAgreement,
  createBank,
  createBorrower,
  createGuarantee,
  createInstitution,
  guaranteeInput,
  regionId,
  unique,
  validCreditCode,
} from '../fixtures/business';
import { IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { codes, gql } from '../support/graphql';
import { PolicyService } from '../../src/modules/policy/policy.service';
import { GuaranteeImporter } from '../../src/modules/guarantee/import/import.service';
import { IMPORT_COLUMNS } from '../../src/modules/guarantee/import/import.csv';
import { holdLock, ownBackendsUrl, waitForBlocked } from '../support/concurrency';

// Real concurrent transactions on committed data: each grant runs in its own transaction on its own pooled
// connection. Every row here is new (unique codes and identifiers) and only these rows are asserted on.

const GRANT = `mutation ($input: GuaranteeInput!) { createGuarantee(input: $input) { id smallAgri } }`;
const PARALLEL = 6;
let ds: DataSource;

beforeAll(async () => {
  ds = await createDataSource(ownBackendsUrl(inject('databaseUrl')), { poolSize: PARALLEL + 4 }).initialize();
});
afterAll(async () => {
  await ds?.destroy();
});

describe('concurrent grants', () => {
  it('R1: grants to one borrower at one institution serialise, so the 10,000,000 cap holds under any interleaving', async () => {
    const m = ds.manager;
    const institution = await createInstitution(m);
    const bank = await createBank(m);
    const region = await regionId(m);
    const borrower = await createBorrower(m, institution.id, { kind: 'MICRO_ENTERPRISE' });
    await createGuarantee(
      m,
      { institutionId: institution.id, bankId: bank.id, borrowerId: borrower.id },
      { loanAmount: '7000000.00', guaranteedAmount: '7000000.00' },
    );
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const input = () =>
      guaranteeInput(
        { institutionId: institution.id, bankId: bank.id, regionId: region },
        {
          borrower: { identifier: borrower.identifier, kind: 'MICRO_ENTERPRISE' },
          loanAmount: '1000000.00',
          guaranteedAmount: '1000000.00',
        },
      );

    // Line all grants up behind the borrower's row, then let them go at once.
    const hold = await holdLock(ds, `SELECT 1 FROM borrower WHERE id = $1 FOR UPDATE`, [borrower.id]);
    const grants = Array.from({ length: PARALLEL }, () => gql(ds.manager, owner, GRANT, { input: input() }));
    await waitForBlocked(ds, PARALLEL);
    await hold.release();
    const results = await Promise.all(grants);

    expect(results.flatMap(codes)).toEqual([]);
    // 7,000,000 in force: the 1st, 2nd and 3rd grant bring it to 8, 9 and exactly 10 million (支小支农); the rest pass the cap.
    expect(results.filter((r) => r.data?.createGuarantee.smallAgri).length).toBe(3);
    const [stored] = await ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE small_agri)::int AS small_agri, sum(guaranteed_amount) AS total FROM guarantee WHERE borrower_id = $1 AND institution_id = $2`,
      [borrower.id, institution.id],
    );
    expect(stored).toEqual({ n: 1 + PARALLEL, small_agri: 1 + 3, total: '13000000.00' });
  });

  it('R6: grants under one agreement serialise, so together they never pass its credit line', async () => {
    const m = ds.manager;
    const institution = await createInstitution(m);
    const bank = await createBank(m);
    const region = await regionId(m);
    const agreement = await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { creditLine: '3000000.00' });
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const input = () =>
      guaranteeInput(
        { institutionId: institution.id, bankId: bank.id, regionId: region },
        { loanAmount: '1000000.00', guaranteedAmount: '1000000.00' },
      );

    const hold = await holdLock(ds, `SELECT 1 FROM cooperation_agreement WHERE id = $1 FOR UPDATE`, [agreement.id]);
    const grants = Array.from({ length: PARALLEL }, () => gql(ds.manager, owner, GRANT, { input: input() }));
    await waitForBlocked(ds, PARALLEL);
    await hold.release();
    const results = await Promise.all(grants);

    expect(results.filter((r) => !r.errors).length).toBe(3);
    expect(results.flatMap(codes).sort()).toEqual(['CREDIT_LINE_EXCEEDED', 'CREDIT_LINE_EXCEEDED', 'CREDIT_LINE_EXCEEDED']);
    const [a] = await ds.query(
      `SELECT used_credit, (SELECT count(*)::int FROM guarantee WHERE agreement_id = $1) AS n FROM cooperation_agreement WHERE id = $1`,
      [agreement.id],
    );
    expect(a).toEqual({ used_credit: '3000000.00', n: 3 });
  });

  it('R1 across a batch import and single grants at one institution: they serialise, so the cap still holds', async () => {
    const m = ds.manager;
    const institution = await createInstitution(m);
    const bank = await createBank(m);
    const region = await regionId(m);
    const borrower = await createBorrower(m, institution.id, { kind: 'FARMER' });
    await createGuarantee(
      m,
      { institutionId: institution.id, bankId: bank.id, borrowerId: borrower.id },
      { loanAmount: '7000000.00', guaranteedAmount: '7000000.00' },
    );
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const million = {
      borrower_identifier: borrower.identifier,
      borrower_kind: 'FARMER',
      loan_amount: '1000000.00',
      guaranteed_amount: '1000000.00',
    };
    const csv = toCsv([csvRow(bank.id, unique('IMP-'), million), csvRow(bank.id, unique('IMP-'), million)]);
    const single = () =>
      gql(ds.manager, owner, GRANT, {
        input: guaranteeInput(
          { institutionId: institution.id, bankId: bank.id, regionId: region },
          { borrower: { identifier: borrower.identifier, kind: 'FARMER' }, loanAmount: '1000000.00', guaranteedAmount: '1000000.00' },
        ),
      });

    const hold = await holdLock(ds, `SELECT 1 FROM borrower WHERE id = $1 FOR UPDATE`, [borrower.id]);
    const imported = gql(ds.manager, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv });
    await waitForBlocked(ds, 1);
    const grants = [single(), single()];
    await waitForBlocked(ds, 3);
    await hold.release();
    const results = [await imported, ...(await Promise.all(grants))];

    expect(results.flatMap(codes)).toEqual([]);
    const [stored] = await ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE small_agri)::int AS small_agri FROM guarantee WHERE borrower_id = $1 AND institution_id = $2`,
      [borrower.id, institution.id],
    );
    // 7,000,000 in force: of the four new millions, three fit under 10,000,000 — whatever the order.
    expect(stored).toEqual({ n: 5, small_agri: 1 + 3 });
  });

  it('the same code granted concurrently: one wins, the others are CONFLICT', async () => {
    const m = ds.manager;
    const institution = await createInstitution(m);
    const bank = await createBank(m);
    const region = await regionId(m);
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const code = unique('SAME-');
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        gql(ds.manager, owner, GRANT, {
          input: guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: region }, { code }),
        }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap(codes)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await ds.query(`SELECT count(*)::int AS n FROM guarantee WHERE institution_id = $1`, [institution.id])).toEqual([{ n: 1 }]);
  });

  it('two multi-chunk imports at different institutions naming the same borrowers in crossing order run alongside and both commit', async () => {
    const m = ds.manager;
    const [i1, i2] = [await createInstitution(m), await createInstitution(m)];
    const bank = await createBank(m);
    const [a, z] = [validCreditCode(), validCreditCode()];
    const row = (identifier: string) =>
      IMPORT_COLUMNS.map((c) => csvRow(bank.id, unique('X-'), { borrower_identifier: identifier, borrower_kind: 'FARMER' })[c]);
    const chunk = (identifier: string, n: number) => [{ row: n, values: row(identifier) }];
    let firstChunkDone!: () => void;
    const firstChunk = new Promise<void>((r) => (firstChunkDone = r));
    let secondChunkDone!: () => void;
    const secondChunk = new Promise<void>((r) => (secondChunkDone = r));
    let alongside = false;

    // Import 1 locks its borrower z in its first chunk and meets a in its second; import 2 the other way
    // round. Each institution has its own borrower rows, so neither waits for the other: import 2 gets
    // through its first chunk while import 1 is still open.
    const one = ds.transaction(async (tx) => {
      const importer = await GuaranteeImporter.open(tx, i1.id, new PolicyService(tx));
      await importer.add(chunk(z, 1));
      firstChunkDone();
      alongside = await Promise.race([secondChunk.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      await importer.add(chunk(a, 2));
      return importer.result();
    });
    const two = firstChunk.then(() =>
      ds.transaction(async (tx) => {
        const importer = await GuaranteeImporter.open(tx, i2.id, new PolicyService(tx));
        await importer.add(chunk(a, 1));
        secondChunkDone();
        await importer.add(chunk(z, 2));
        return importer.result();
      }),
    );
    const results = await Promise.allSettled([one, two]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.acceptedCount : String(r.reason)))).toEqual([2, 2]);
    expect(alongside).toBe(true);
  });
});
