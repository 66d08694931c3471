import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { createPartners, guaranteeInput, regionId } from '../fixtures/business';
import { RECORD, compensationInput } from '../fixtures/compensation-fixtures';
import { DASHBOARD } from '../fixtures/dashboard';
import { CREATE_GUARANTEE, RELEASE_GUARANTEE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { inRollback, testDataSource } from '../support/db';
import { gql, ok } from '../support/graphql';
import { countStatements } from '../support/statements';

// Issue 12: dashboards are answered from a per-process cache keyed by scope, filter and a data version that every
// committed write of the aggregate bumps (ledger_version). These writes commit (in this run's own database), so the
// cache is really in play; the test's institution is its own, and every read filters on it.

describe('dashboard cache: a committed write is seen at the very next read', () => {
  it('after a grant, a release, a compensation and a rename; an unchanged read is not recomputed', async () => {
    const ds = await testDataSource();
    const m = ds.manager;
    const r = await regionId(m);
    const { institution, bank } = await createPartners(m);
    const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
    const filter = { institutionId: institution.id, from: '2024-01-01', to: '2024-12-31' };
    // Each read in its own read-only transaction, its statements counted.
    const read = () =>
      ds.transaction(async (tx) => {
        let dashboard: any;
        const { statements } = await countStatements(tx, async () => {
          dashboard = ok(await gql(tx, viewer(Role.TASK_FORCE_OFFICE), DASHBOARD, { filter })).dashboard;
        });
        return { dashboard, folded: statements.some((s) => s.includes('FROM business_month_stats')) };
      });

    const first = await read();
    expect(first.dashboard.total).toMatchObject({ newCount: 0, outstandingBalance: '0.00' });
    const again = await read();
    expect(again.folded).toBe(false); // nothing changed: the answer comes from the cache
    expect(again.dashboard).toEqual(first.dashboard);

    const refs = { institutionId: institution.id, bankId: bank.id, regionId: r };
    const [g1, g2] = [
      ok(await gql(m, owner, CREATE_GUARANTEE, { input: guaranteeInput(refs) })).createGuarantee,
      ok(await gql(m, owner, CREATE_GUARANTEE, { input: guaranteeInput(refs, { guaranteedAmount: '500000.00' }) })).createGuarantee,
    ];
    const granted = await read();
    expect(granted.folded).toBe(true);
    expect(granted.dashboard.total).toMatchObject({ newCount: 2, newAmount: '1300000.00', outstandingBalance: '1300000.00' });

    ok(await gql(m, owner, RELEASE_GUARANTEE, { id: g1.id, releasedOn: '2024-05-01' }));
    expect((await read()).dashboard.total).toMatchObject({ releasedAmount: '800000.00', outstandingBalance: '500000.00' });

    ok(await gql(m, owner, RECORD, { input: compensationInput(g2.id, { amount: '100000.00', paidOn: '2024-06-15' }) }));
    expect((await read()).dashboard.total).toMatchObject({
      releasedAmount: '1300000.00',
      compensatedAmount: '100000.00',
      outstandingBalance: '0.00',
    });

    await m.query(`UPDATE guarantee_institution SET name = name || '（更名）' WHERE id = $1`, [institution.id]);
    const renamed = await read();
    expect(renamed.dashboard.byInstitution.map((s: any) => s.label)).toEqual([`${institution.name}（更名）`]);
    expect((await read()).folded).toBe(false);
  });

  it("a transaction's own uncommitted writes are shown to it and cached for nobody", async () => {
    const ds = await testDataSource();
    const { institution, bank } = await createPartners(ds.manager);
    const r = await regionId(ds.manager);
    const filter = { institutionId: institution.id, from: '2025-01-01', to: '2025-12-31' };
    const read = async (m: typeof ds.manager) => ok(await gql(m, viewer(Role.FINANCE), DASHBOARD, { filter })).dashboard.total;

    expect(await read(ds.manager)).toMatchObject({ newCount: 0 });
    await inRollback(async (m) => {
      await new LedgerRepo(m).addNewBusiness(
        { institutionId: institution.id, bankId: bank.id, regionId: r },
        { startOn: '2025-03-03', guaranteedAmount: '1000.00', feeRate: '0.007000', smallAgri: true, smallHousehold: true },
      );
      expect(await read(m)).toMatchObject({ newCount: 1, newAmount: '1000.00' });
    });
    expect(await read(ds.manager)).toMatchObject({ newCount: 0, newAmount: '0.00' });
  });
});
