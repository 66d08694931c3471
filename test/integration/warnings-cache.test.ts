import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { SystemScope } from '../../src/access/system-scope';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { WarningRepo } from '../../src/modules/warning/warning.repo';
import { clearWarningCache } from '../../src/modules/warning/warning.service';
import { businessToday } from '../../src/platform/lib/dates';
import { createAgreement, createBank, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { CREATE_GUARANTEE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { inRollback, testDataSource } from '../support/db';
import { gql, ok } from '../support/graphql';
import { countStatements } from '../support/statements';

// Issue 12: warnings are answered from a per-process cache keyed by scope, date and a data version read before
// them (WarningRepo.dataVersion). These writes commit (in this run's own database), so the cache is really in play;
// the test's institution is its own, and every read filters on it. After each write the cached path's answer must
// equal one computed afresh (the cache emptied), and show the write.

const WARNINGS = `query($asOf: Date, $institutionId: ID) {
  warnings(asOf: $asOf, institutionId: $institutionId) { indicator level value threshold message institution { id } agreement { id } } }`;
const YEAR = Number(businessToday().slice(0, 4)) - 1;
const AS_OF = `${YEAR}-06-15`;
const indicators = (ws: { indicator: string }[]) => ws.map((w) => w.indicator).sort();

async function submitReport(m: EntityManager, institutionId: string, month: string, submittedOn: string) {
  await m.query(
    `INSERT INTO monthly_report (institution_id, month, version, new_count, new_amount, outstanding_balance, compensated_amount,
       submitted_by, submitted_at) VALUES ($1, $2, 1, 0, 0, 0, 0, 'test', $3)`,
    [institutionId, month, `${submittedOn}T12:00:00+08`],
  );
}

describe('warnings cache: a committed write is seen at the very next read', () => {
  it('after a grant, a change of net assets, of an agreement and a report; an unchanged read is not recomputed', async () => {
    const ds = await testDataSource();
    const m = ds.manager;
    const institution = await createInstitution(m, { netAssets: '1000000.00' });
    const bank = await createBank(m);
    const agreement = await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { creditLine: '10000000.00' });
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    // Each read in its own read-only transaction, its statements counted: `computed` when it folded the aggregate.
    const read = () =>
      ds.transaction(async (tx) => {
        let warnings: any[] = [];
        const { statements } = await countStatements(tx, async () => {
          warnings = ok(await gql(tx, viewer(Role.TASK_FORCE_OFFICE), WARNINGS, { asOf: AS_OF, institutionId: institution.id })).warnings;
        });
        return { warnings, computed: statements.some((s) => s.includes('LEFT JOIN business_month_stats s')) };
      });
    const afresh = async () => {
      clearWarningCache();
      return (await read()).warnings;
    };
    const afterWrite = async () => {
      const cachedPath = await read();
      expect(cachedPath.computed).toBe(true);
      expect(cachedPath.warnings).toEqual(await afresh());
      return indicators(cachedPath.warnings);
    };

    const first = await read();
    expect(indicators(first.warnings)).toEqual(['REPORT_OVERDUE']); // May's report is missing on 15 June
    // Nothing this test reads changed: the answer comes from the cache (another test file may commit meanwhile).
    let again = await read();
    for (let tries = 1; again.computed && tries < 3; tries++) again = await read();
    expect(again.computed).toBe(false);
    expect(again.warnings).toEqual(first.warnings);

    const refs = { institutionId: institution.id, bankId: bank.id, regionId: await regionId(m) };
    const input = guaranteeInput(refs, { startOn: `${YEAR}-03-01`, endOn: `${YEAR + 1}-02-28`, guaranteedAmount: '800000.00' });
    ok(await gql(m, owner, CREATE_GUARANTEE, { input }));
    // 800,000 for one borrower against 1,000,000 of net assets.
    expect(await afterWrite()).toContain('SINGLE_BORROWER_CONCENTRATION');

    await m.query(`UPDATE guarantee_institution SET net_assets = 100000000 WHERE id = $1`, [institution.id]);
    expect(await afterWrite()).not.toContain('SINGLE_BORROWER_CONCENTRATION');

    await m.query(`UPDATE cooperation_agreement SET used_credit = 9600000 WHERE id = $1`, [agreement.id]);
    expect(await afterWrite()).toContain('CREDIT_LINE_USAGE');

    await submitReport(m, institution.id, `${YEAR}-05`, `${YEAR}-06-05`);
    expect(await afterWrite()).toEqual(['CREDIT_LINE_USAGE']);
  });

  it("a transaction's own uncommitted writes are shown to it and cached for nobody", async () => {
    const ds = await testDataSource();
    const institution = await createInstitution(ds.manager);
    const read = async (m: EntityManager) =>
      indicators(ok(await gql(m, viewer(Role.FINANCE), WARNINGS, { asOf: AS_OF, institutionId: institution.id })).warnings);

    expect(await read(ds.manager)).toEqual(['REPORT_OVERDUE']);
    await inRollback(async (m) => {
      await submitReport(m, institution.id, `${YEAR}-05`, `${YEAR}-06-01`);
      expect(await read(m)).toEqual([]);
    });
    expect(await read(ds.manager)).toEqual(['REPORT_OVERDUE']);
  });

  it('its data version changes with every kind of row the warnings are computed from', async () => {
    await inRollback(async (m) => {
      const repo = new WarningRepo(m);
      const system = SystemScope.because('test');
      const institution = await createInstitution(m);
      const bank = await createBank(m);
      const version = async () => (await repo.dataVersion(system, [`${YEAR}-05`])).version;
      const writes: [string, () => Promise<unknown>][] = [
        [
          'ledger',
          () =>
            new LedgerRepo(m).addNewBusiness(
              { institutionId: institution.id, bankId: bank.id, regionId: institution.regionId },
              { startOn: `${YEAR}-03-01`, guaranteedAmount: '1000.00', feeRate: '0.007000', smallAgri: true, smallHousehold: true },
            ),
        ],
        ['institution', () => m.query(`UPDATE guarantee_institution SET net_assets = net_assets + 1 WHERE id = $1`, [institution.id])],
        ['agreement signed', () => createAgreement(m, { institutionId: institution.id, bankId: bank.id })],
        [
          'agreement changed',
          () => m.query(`UPDATE cooperation_agreement SET credit_line = credit_line + 1 WHERE institution_id = $1`, [institution.id]),
        ],
        ['agreement gone', () => m.query(`DELETE FROM cooperation_agreement WHERE institution_id = $1`, [institution.id])],
        [
          'policy version',
          () => m.query(`UPDATE policy_parameter_set SET id = id WHERE id = (SELECT min(id::text)::uuid FROM policy_parameter_set)`),
        ],
        ['report of the month', () => submitReport(m, institution.id, `${YEAR}-05`, `${YEAR}-06-01`)],
      ];
      // Each write in a subtransaction of its own, as if committed by its own transaction: a row's xmin is its writer's.
      for (const [what, write] of writes) {
        const before = await version();
        await m.query('SAVEPOINT write');
        await write();
        await m.query('RELEASE SAVEPOINT write');
        expect(await version(), what).not.toBe(before);
      }
      // A report of a month the warnings do not read leaves it as it was.
      const before = await version();
      await submitReport(m, institution.id, `${YEAR}-02`, `${YEAR}-03-01`);
      expect(await version()).toBe(before);
    });
  });
});
