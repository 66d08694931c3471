import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { applyReferenceData } from '../../src/app/reference-data';
import { normalizeName } from '../../src/modules/task-force/task-force.seed';
import { viewer } from '../fixtures/viewers';
import { gql, ok } from '../support/graphql';
import { inRollback, testDataSource } from '../support/db';

const COUNTY_LEVEL = {
  '371502': '东昌府区',
  '371503': '茌平区',
  '371521': '阳谷县',
  '371522': '莘县',
  '371524': '东阿县',
  '371525': '冠县',
  '371526': '高唐县',
  '371581': '临清市',
};

describe('reference data applied at start', () => {
  it('has the city, its 8 county-level divisions with their codes and the 3 development zones', async () => {
    await inRollback(async (m) => {
      const { regions } = ok(
        await gql<{ regions: { code: string; name: string; kind: string }[] }>(m, viewer(Role.FINANCE), '{ regions { code name kind } }'),
      );
      expect(regions).toHaveLength(12);
      expect(regions.filter((r) => r.kind === 'CITY')).toEqual([{ code: '371500', name: '聊城市', kind: 'CITY' }]);
      const counties = Object.fromEntries(
        regions.filter((r) => ['DISTRICT', 'COUNTY', 'COUNTY_LEVEL_CITY'].includes(r.kind)).map((r) => [r.code, r.name]),
      );
      expect(counties).toEqual(COUNTY_LEVEL);
      expect(
        regions
          .filter((r) => r.kind === 'DEVELOPMENT_ZONE')
          .map((r) => r.name)
          .sort(),
      ).toEqual(['江北水城旅游度假区', '经济技术开发区', '高新技术产业开发区'].sort());
    });
  });

  it('has the 24 task-force members of the annex, names without padding', async () => {
    await inRollback(async (m) => {
      const { taskForceMembers } = ok(
        await gql<{ taskForceMembers: { name: string; title: string; position: string; isOfficeDirector: boolean; sortOrder: number }[] }>(
          m,
          viewer(Role.TASK_FORCE_MEMBER),
          '{ taskForceMembers { name title position isOfficeDirector sortOrder } }',
        ),
      );
      expect(taskForceMembers).toHaveLength(24);
      expect(taskForceMembers.filter((t) => t.position === 'LEADER').map((t) => t.name)).toEqual(['张百顺']);
      expect(taskForceMembers.filter((t) => t.position === 'DEPUTY_LEADER').map((t) => t.name)).toEqual(['刘文强', '王刚']);
      expect(taskForceMembers.filter((t) => t.position === 'MEMBER')).toHaveLength(21);
      expect(taskForceMembers.filter((t) => t.isOfficeDirector).map((t) => t.name)).toEqual(['任海波']);
      for (const t of taskForceMembers) expect(t.name).toMatch(/^\S+$/u);
      expect(taskForceMembers.map((t) => t.name)).toEqual(expect.arrayContaining(['刘博', '任凯', '赵峰', '高峰']));
      expect(taskForceMembers.map((t) => t.sortOrder)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    });
  });

  it('has the policy parameters in force (R1, R3, R4, R5)', async () => {
    await inRollback(async (m) => {
      const { policyTargets } = ok(
        await gql(m, viewer(Role.FINANCE), '{ policyTargets { smallAgriShare averageFeeRate minBankRiskShare maxHouseholdAmount } }'),
      );
      expect(policyTargets).toEqual({
        smallAgriShare: '0.800000',
        averageFeeRate: '0.010000',
        minBankRiskShare: '0.200000',
        maxHouseholdAmount: '10000000.00',
      });
    });
  });

  it('applies again without changing anything', async () => {
    const ds = await testDataSource();
    const count = async () =>
      (
        await ds.query(
          `SELECT (SELECT count(*) FROM region) r, (SELECT count(*) FROM department) d, (SELECT count(*) FROM task_force_member) t, (SELECT count(*) FROM policy_parameter_set) p`,
        )
      )[0];
    const before = await count();
    await applyReferenceData(ds);
    expect(await count()).toEqual(before);
    expect(Number(before.d)).toBeGreaterThanOrEqual(11 + 11 + 8);
  });

  it('normalises padded annex names, including ideographic spaces', () => {
    expect(normalizeName('王  刚')).toBe('王刚');
    expect(normalizeName('刘\u3000博')).toBe('刘博');
  });
});
