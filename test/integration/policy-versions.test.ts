import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { PolicyService } from '../../src/modules/policy/policy.service';
import { countRows, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/** R14: the policy's numbers are versioned data; FINANCE adds a version, fields left out are copied. */
const SETS = `{ policyParameterSets { effectiveFrom basis smallAgriShareTarget averageFeeRateTarget minBankRiskShare maxHouseholdAmount
  riskCompensationMode riskCompensationBands { fromRate toRate ratio } feeSubsidyRate feeSubsidyRequiresReGuarantee
  maxLeverage maxLeverageSmallAgri maxSingleBorrowerShare reportDueDay } }`;
const ADD = `mutation($input: PolicyParameterSetInput!) { addPolicyParameterSet(input: $input) {
  effectiveFrom basis feeSubsidyRate minBankRiskShare riskCompensationMode riskCompensationBands { fromRate toRate ratio } reportDueDay maxLeverage } }`;

const finance = viewer(Role.FINANCE);

describe('policy parameter versions (R14)', () => {
  it('lists the 2023 version with the numbers of the 实施意见', async () => {
    await inRollback(async (m) => {
      const [first] = ok(await gql(m, viewer(Role.PBOC), SETS)).policyParameterSets;
      expect(first).toMatchObject({
        effectiveFrom: '2023-03-29',
        smallAgriShareTarget: '0.800000',
        averageFeeRateTarget: '0.010000',
        minBankRiskShare: '0.200000',
        maxHouseholdAmount: '10000000.00',
        riskCompensationMode: 'PROGRESSIVE',
        feeSubsidyRequiresReGuarantee: true,
        maxSingleBorrowerShare: '0.100000',
        reportDueDay: 10,
      });
      expect(first.riskCompensationBands).toEqual([
        { fromRate: '0.000000', toRate: '0.010000', ratio: '1.000000' },
        { fromRate: '0.010000', toRate: '0.030000', ratio: '0.800000' },
        { fromRate: '0.030000', toRate: '0.050000', ratio: '0.600000' },
        { fromRate: '0.050000', toRate: '0.080000', ratio: '0.500000' },
      ]);
    });
  });

  it('a new version copies what it leaves out, and governs business from its date on', async () => {
    await inRollback(async (m) => {
      const input = { effectiveFrom: '2026-01-01', basis: '聊财金〔2025〕1号', feeSubsidyRate: '0.005', reportDueDay: 15 };
      const { addPolicyParameterSet: added } = ok(await gql(m, finance, ADD, { input }));
      expect(added).toMatchObject({
        effectiveFrom: '2026-01-01',
        feeSubsidyRate: '0.005000',
        reportDueDay: 15,
        minBankRiskShare: '0.200000',
      });
      expect(added.riskCompensationBands).toHaveLength(4);
      const policy = new PolicyService(m);
      expect((await policy.inForce('2025-12-31')).feeSubsidyRate).toBe('0.000000');
      expect((await policy.inForce('2026-01-01')).feeSubsidyRate).toBe('0.005000');
      // The next version copies from the one in force on its own date: 2026's, not 2023's.
      const next = ok(await gql(m, finance, ADD, { input: { effectiveFrom: '2026-07-01', basis: '新规', minBankRiskShare: '0.25' } }));
      expect(next.addPolicyParameterSet).toMatchObject({ feeSubsidyRate: '0.005000', reportDueDay: 15, minBankRiskShare: '0.250000' });
    });
  });

  it('takes new R7 bands and mode, refusing gaps with the band named', async () => {
    await inRollback(async (m) => {
      const bands = [
        { fromRate: '0', toRate: '0.02', ratio: '1' },
        { fromRate: '0.02', toRate: '0.06', ratio: '0.5' },
      ];
      const input = { effectiveFrom: '2026-02-01', basis: 'x', riskCompensationMode: 'FLAT_CAPPED', riskCompensationBands: bands };
      const { addPolicyParameterSet: added } = ok(await gql(m, finance, ADD, { input }));
      expect(added.riskCompensationMode).toBe('FLAT_CAPPED');
      expect(added.riskCompensationBands[1]).toEqual({ fromRate: '0.020000', toRate: '0.060000', ratio: '0.500000' });
      const tiers = (await new PolicyService(m).inForce('2026-02-01')).compensationTiers;
      expect(tiers.map((t) => t.toInclusive)).toEqual([false, true]);

      const gap = await gql(m, finance, ADD, {
        input: { ...input, effectiveFrom: '2026-03-01', riskCompensationBands: [bands[0], { ...bands[1], fromRate: '0.03' }] },
      });
      expect([codes(gap), gap.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'riskCompensationBands.1.fromRate']);
    });
  });

  it('refuses a date before the policy, a taken date, bad numbers and a county bureau, writing nothing', async () => {
    await inRollback(async (m) => {
      const before = await countRows(m, 'policy_parameter_set');
      const cases: [Record<string, unknown>, string, string?][] = [
        [{ effectiveFrom: '2023-03-28' }, 'BAD_USER_INPUT', 'effectiveFrom'],
        [{ effectiveFrom: '2023-03-29' }, 'CONFLICT'],
        [{ feeSubsidyRate: '1.5' }, 'BAD_USER_INPUT', 'feeSubsidyRate'],
        [{ maxHouseholdAmount: '-1' }, 'BAD_USER_INPUT', 'maxHouseholdAmount'],
        [{ reportDueDay: 31 }, 'BAD_USER_INPUT', 'reportDueDay'],
        [{ maxLeverage: '20' }, 'BAD_USER_INPUT', 'maxLeverageSmallAgri'],
        [{ basis: '  ' }, 'BAD_USER_INPUT', 'basis'],
      ];
      for (const [overrides, code, field] of cases) {
        const result = await gql(m, finance, ADD, { input: { effectiveFrom: '2026-05-01', basis: 'x', ...overrides } });
        expect([codes(result), result.errors?.[0].extensions?.field], JSON.stringify(overrides)).toEqual([[code], field]);
      }
      const county = viewer(Role.FINANCE, { regionId: await regionId(m, '371502') });
      expect(codes(await gql(m, county, ADD, { input: { effectiveFrom: '2026-05-01', basis: 'x' } }))).toEqual(['FORBIDDEN']);
      expect(await countRows(m, 'policy_parameter_set')).toBe(before);
    });
  });
});
