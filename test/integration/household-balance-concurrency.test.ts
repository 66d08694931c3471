import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Role } from '../../src/access/roles';
import { createDataSource } from '../../src/app/data-source';
import { createBank, createInstitution, guaranteeInput, regionId, unique, validCreditCode } from '../fixtures/business';
import { RECORD, compensationInput } from '../fixtures/compensation-fixtures';
import { CREATE_GUARANTEE, IMPORT_GUARANTEES, RELEASE_GUARANTEE } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { holdLock, ownBackendsUrl, waitForBlocked } from '../support/concurrency';
import { codes, gql, ok } from '../support/graphql';
import { maintainedEqualsRecomputed } from '../support/household-oracle';

// Real concurrent transactions on committed data, each on its own pooled connection: the open balances of one
// institution (household_balance, ledger_version) stay equal to the guarantee table, with no deadlock.
const PARALLEL = 8;
let ds: DataSource;

beforeAll(async () => {
  ds = await createDataSource(ownBackendsUrl(inject('databaseUrl')), { poolSize: PARALLEL + 4 }).initialize();
});
afterAll(async () => {
  await ds?.destroy();
});

describe('open balances under concurrent writes of one institution', () => {
  it('grants to one and to different borrowers, an import, a release and a compensation at once: balances exact, no deadlock', async () => {
    const m = ds.manager;
    const institution = await createInstitution(m);
    const bank = await createBank(m);
    const region = await regionId(m);
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const refs = { institutionId: institution.id, bankId: bank.id, regionId: region };
    const shared = { identifier: validCreditCode(), kind: 'MICRO_ENTERPRISE' };
    const grant = (borrower: Record<string, unknown>, amount: string) =>
      gql(m, owner, CREATE_GUARANTEE, { input: guaranteeInput(refs, { borrower, loanAmount: amount, guaranteedAmount: amount }) });
    const [a, b] = [ok(await grant(shared, '2000000.00')).createGuarantee, ok(await grant(shared, '1000000.00')).createGuarantee];

    // Every writer of the institution lines up behind its ledger_version row, then all go at once.
    const hold = await holdLock(ds, `SELECT 1 FROM ledger_version WHERE institution_id = $1 FOR UPDATE`, [institution.id]);
    const writes = [
      ...Array.from({ length: 3 }, () => grant(shared, '1500000.00')),
      ...Array.from({ length: 3 }, (_, i) =>
        grant({ identifier: validCreditCode(), kind: i ? 'FARMER' : 'SMALL_ENTERPRISE' }, '3000000.00'),
      ),
      gql(m, owner, IMPORT_GUARANTEES, {
        institutionId: institution.id,
        csv: toCsv([
          csvRow(bank.id, unique('IMP-'), { borrower_identifier: shared.identifier, borrower_kind: 'MICRO_ENTERPRISE' }),
          csvRow(bank.id, unique('IMP-')),
        ]),
      }),
      gql(m, owner, RELEASE_GUARANTEE, { id: a.id, releasedOn: '2024-09-01' }),
      gql(m, owner, RECORD, { input: compensationInput(b.id, { amount: '1000.00', paidOn: '2024-10-01' }) }),
    ];
    await waitForBlocked(ds, PARALLEL);
    await hold.release();
    const results = await Promise.all(writes);

    expect(results.flatMap(codes)).toEqual([]);
    await maintainedEqualsRecomputed(m, [institution.id]);
    const [h] = await m.query(
      `SELECT h.loan_balance::text FROM household_balance h JOIN borrower b ON b.id = h.borrower_id
        WHERE h.institution_id = $1 AND b.identifier = $2`,
      [institution.id, shared.identifier],
    );
    // 3 × 1,500,000 granted at once and 400,000 imported; the 2,000,000 released, the 1,000,000 compensated.
    expect(h).toEqual({ loan_balance: '4900000.00' });
  });
});
