import { describe, expect, it } from 'vitest';
import { feeSubsidyFigures, isFeeSubsidyEligible, type FeeSubsidyConditions } from '../../src/modules/fee-subsidy/fee-subsidy.calc';
import { isSmallAgri } from '../../src/modules/guarantee/grant/grant.calc';
import { BorrowerKind } from '../../src/modules/borrower/borrower.entity';
import { GuaranteeKind } from '../../src/modules/guarantee/guarantee.entity';

/**
 * 实施意见（八）"对符合条件的政府性融资担保机构给予一定担保费补贴" (DESIGN R8): 支小支农 business (R1: 单户1000万元及以下),
 * annualised fee "不超过" 1% (the bound included), and 纳入省再担保 while 聊财金〔2023〕14号's condition is on.
 */
const ON: FeeSubsidyConditions = { maxFeeRate: '0.010000', requiresReGuarantee: true };
const OFF: FeeSubsidyConditions = { maxFeeRate: '0.010000', requiresReGuarantee: false };

describe('R8 eligibility (实施意见（八）, 聊财金〔2023〕14号)', () => {
  it.each([
    // fee rate: at the 1% ceiling, just under, just over
    ['fee exactly 1% (不超过 includes it)', { smallAgri: true, feeRate: '0.010000', reGuaranteed: true }, ON, true],
    ['fee just under 1%', { smallAgri: true, feeRate: '0.009999', reGuaranteed: true }, ON, true],
    ['fee just over 1%', { smallAgri: true, feeRate: '0.010001', reGuaranteed: true }, ON, false],
    ['no fee at all', { smallAgri: true, feeRate: '0', reGuaranteed: true }, ON, true],
    // 纳入省再担保, with the condition on and off
    ['not re-guaranteed, condition on', { smallAgri: true, feeRate: '0.008000', reGuaranteed: false }, ON, false],
    ['not re-guaranteed, condition off', { smallAgri: true, feeRate: '0.008000', reGuaranteed: false }, OFF, true],
    ['re-guaranteed, condition off', { smallAgri: true, feeRate: '0.008000', reGuaranteed: true }, OFF, true],
    // 支小支农 (R1)
    ['not 支小支农', { smallAgri: false, feeRate: '0.008000', reGuaranteed: true }, ON, false],
    ['not 支小支农, condition off', { smallAgri: false, feeRate: '0.008000', reGuaranteed: false }, OFF, false],
    // the ceiling is the version's: a higher one admits more
    ['fee 1.5% under a 2% ceiling', { smallAgri: true, feeRate: '0.015000', reGuaranteed: true }, { ...ON, maxFeeRate: '0.02' }, true],
  ])('%s', (_name, g, conditions, eligible) => {
    expect(isFeeSubsidyEligible(g, conditions)).toBe(eligible);
  });

  // R1's household cap reaches R8 through the flag stored at grant: 10,000,000.00 in force counts, 10,000,000.01 does not.
  it.each([
    ['household exactly 10,000,000.00', '10000000.00', true],
    ['household just under', '9999999.99', true],
    ['household just over', '10000000.01', false],
  ])('%s in force at grant', (_name, inForce, eligible) => {
    const smallAgri = isSmallAgri(BorrowerKind.FARMER, GuaranteeKind.LOAN, inForce, '10000000.00');
    expect(isFeeSubsidyEligible({ smallAgri, feeRate: '0.010000', reGuaranteed: true }, ON)).toBe(eligible);
  });
});

describe('R8 subsidy = eligible guaranteed amount × rate, half-up to the fen', () => {
  it.each([
    [['1000000.00', '500000.00'], '0.005', { eligibleCount: 2, eligibleAmount: '1500000.00', subsidyRate: '0.005000', subsidy: '7500.00' }],
    // 1,001.00 × 0.5% = 5.005 → 5.01 (half-up), never 5.00 (banker's) nor a float's 5.0049999…
    [['1001.00'], '0.005', { eligibleCount: 1, eligibleAmount: '1001.00', subsidyRate: '0.005000', subsidy: '5.01' }],
    // 1,000.99 × 0.5% = 5.00495 → 5.00
    [['1000.99'], '0.005', { eligibleCount: 1, eligibleAmount: '1000.99', subsidyRate: '0.005000', subsidy: '5.00' }],
    // rounded once on the total, not per guarantee: 3 × 0.01 × 0.5 = 0.015 → 0.02 (per guarantee it would be 0.03)
    [['0.01', '0.01', '0.01'], '0.5', { eligibleCount: 3, eligibleAmount: '0.03', subsidyRate: '0.500000', subsidy: '0.02' }],
    [[], '0.005', { eligibleCount: 0, eligibleAmount: '0.00', subsidyRate: '0.005000', subsidy: '0.00' }],
    // the seeded rate (the policy names none): nothing to pay
    [['800000.00'], '0.000000', { eligibleCount: 1, eligibleAmount: '800000.00', subsidyRate: '0.000000', subsidy: '0.00' }],
  ])('%j at %s', (amounts, rate, figures) => {
    expect(
      feeSubsidyFigures(
        amounts.map((guaranteedAmount) => ({ guaranteedAmount })),
        rate,
      ),
    ).toEqual(figures);
  });
});
