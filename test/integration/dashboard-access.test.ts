import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { createBank, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { countStatements } from '../support/statements';
import { codes, gql, ok } from '../support/graphql';
import { DASHBOARD, scenario } from '../fixtures/dashboard';

const JAN_TO_MAR = { from: '2024-01-01', to: '2024-03-31' };
const keys = (slices: Array<{ key: string }>) => slices.map((s) => s.key);

describe('dashboard scoping (scope.aggregates)', () => {
  it('a county viewer sees only the institutions of its region', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const county = viewer(Role.LOCAL_GOVERNMENT, { regionId: s.r1 });
      const { dashboard } = ok(await gql(m, county, DASHBOARD, { filter: JAN_TO_MAR }));
      expect(keys(dashboard.byInstitution)).toContain(s.a.id);
      expect(keys(dashboard.byInstitution)).not.toContain(s.b.id); // B is in 阳谷县, though its borrowers overlap
      const other = ok(await gql(m, county, DASHBOARD, { filter: { ...JAN_TO_MAR, institutionId: s.b.id } })).dashboard;
      expect(other.total).toMatchObject({ newCount: 0, outstandingBalance: '0.00' });
      expect(other.byInstitution).toEqual([]);
    });
  });

  it('a bank sees only its own cells; an institution only its own', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const bankY = ok(await gql(m, viewer(Role.BANK, { bankId: s.y.id }), DASHBOARD, { filter: JAN_TO_MAR })).dashboard;
      expect(keys(bankY.byBank)).toEqual([s.y.id]);
      expect(bankY.total).toMatchObject({ newCount: 1, newAmount: '300000.00', outstandingBalance: '300000.00' });
      const bankX = ok(await gql(m, viewer(Role.BANK, { bankId: s.x.id }), DASHBOARD, { filter: JAN_TO_MAR })).dashboard;
      // X lent under both institutions: A's 1,500,000 and B's 700,000 in January.
      expect(bankX.total).toMatchObject({ newCount: 3, newAmount: '2200000.00', compensatedAmount: '50000.00' });
      expect(keys(bankX.byInstitution).sort()).toEqual([s.a.id, s.b.id].sort());
      const institutionB = ok(
        await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: s.b.id }), DASHBOARD, { filter: JAN_TO_MAR }),
      ).dashboard;
      expect(keys(institutionB.byInstitution)).toEqual([s.b.id]);
      expect(institutionB.total).toMatchObject({ newCount: 1, newAmount: '700000.00' });
    });
  });

  it("the PBOC and the banking regulator see every bank's figures", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      for (const role of [Role.PBOC, Role.BANKING_REGULATOR]) {
        const { dashboard } = ok(await gql(m, viewer(role), DASHBOARD, { filter: { ...JAN_TO_MAR, institutionId: s.a.id } }));
        expect(keys(dashboard.byBank).sort()).toEqual([s.x.id, s.y.id].sort());
        expect(dashboard.total.newAmount).toBe('1800000.00');
      }
    });
  });

  it('the police and the operator are refused (access matrix)', async () => {
    await inRollback(async (m) => {
      for (const role of [Role.PUBLIC_SECURITY, Role.ADMIN])
        expect(codes(await gql(m, viewer(role), DASHBOARD, {}))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(m, null, DASHBOARD, {}))).toEqual(['UNAUTHENTICATED']);
    });
  });
});

describe('dashboard period: whole months only', () => {
  it.each([
    [{ from: '2024-01-02' }, 'filter.from'],
    [{ from: '2024-01-31', to: '2024-01-31' }, 'filter.from'],
    [{ to: '2024-02-28' }, 'filter.to'], // 2024 is a leap year: February ends on the 29th
    [{ to: '2024-03-01' }, 'filter.to'],
    [{ from: '2024-03-01', to: '2024-01-31' }, 'filter.to'],
  ])('%j → BAD_USER_INPUT on %s', async (filter, field) => {
    await inRollback(async (m) => {
      const result = await gql(m, viewer(Role.FINANCE), DASHBOARD, { filter });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
    });
  });

  it('accepts whole months, a single month included, and no period at all', async () => {
    await inRollback(async (m) => {
      for (const filter of [{ from: '2023-02-01', to: '2023-02-28' }, { from: '2024-02-01', to: '2024-02-29' }, {}, null]) {
        expect(codes(await gql(m, viewer(Role.FINANCE), DASHBOARD, { filter }))).toEqual([]);
      }
    });
  });
});

describe('dashboard: SQL statements per request (DESIGN.md §5)', () => {
  it('issues the same three statements (targets, data version, aggregate) for 3 cells as for 240, never reading guarantee', async () => {
    await inRollback(async (m) => {
      const regions: string[] = [];
      for (const code of ['371502', '371503', '371521', '371522']) regions.push(await regionId(m, code));
      const bank = await createBank(m);
      const build = async (institutions: number, months: number) => {
        for (let i = 0; i < institutions; i++) {
          const institution = await createInstitution(m, { regionId: regions[i % regions.length] });
          for (let k = 1; k <= months; k++) {
            const key = { institutionId: institution.id, bankId: bank.id, regionId: regions[(i + k) % regions.length] };
            await new LedgerRepo(m).addNewBusiness(key, {
              startOn: `2025-${String(k).padStart(2, '0')}-03`,
              guaranteedAmount: '1000.00',
              feeRate: '0.007000',
              smallAgri: true,
              smallHousehold: true,
            });
          }
        }
      };
      const run = async (filter: Record<string, unknown>) => {
        let total: any;
        const { statements } = await countStatements(m, async () => {
          total = ok(await gql(m, viewer(Role.BANK, { bankId: bank.id }), DASHBOARD, { filter })).dashboard.total;
        });
        return { total, statements };
      };
      await build(1, 3);
      const small = await run({ from: '2025-01-01', to: '2025-12-31' });
      await build(20, 12);
      const large = await run({ from: '2025-01-01', to: '2025-12-31' });
      expect([small.total.newCount, large.total.newCount]).toEqual([3, 243]);
      for (const { statements } of [small, large]) {
        expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(3);
        // business_month_stats only: the guarantee table (10^6 rows) is never read.
        expect(statements.join('\n')).not.toMatch(/\bguarantee\b(?!_)/);
        expect(statements.join('\n')).toMatch(/FROM business_month_stats/);
      }
    });
  });
});
