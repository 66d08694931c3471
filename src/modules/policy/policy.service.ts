import type { EntityManager } from 'typeorm';
import { BadInputError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { SystemScope } from '../../access/system-scope';
import type { PolicyParameterSet } from './policy.entity';
import { PolicyRepo } from './policy.repo';
import type { PolicyTargets } from './policy.types';

/** The parameters are public reference data: the same for every viewer. */
const REFERENCE = SystemScope.because('R14 policy parameters: reference data every rule reads');

/** R14: every rule reads its numbers from the parameter set in force on the business day in question. */
export class PolicyService {
  private readonly cache = new Map<string, Promise<PolicyParameterSet | null>>();
  private effectiveDates: Promise<string[]> | undefined;

  constructor(private readonly manager: EntityManager) {}

  /**
   * The set with the latest effective date not after `on` (default: today in Shanghai). A date before the first
   * version (the policy of 2023-03-29) is the caller's input out of range: BAD_USER_INPUT naming `field` (R14).
   */
  async inForce(on: string = businessToday(), field = 'on'): Promise<PolicyParameterSet> {
    let found = this.cache.get(on);
    if (!found) {
      found = new PolicyRepo(this.manager).inForce(REFERENCE, on);
      this.cache.set(on, found);
    }
    const set = await found;
    if (!set) throw new BadInputError(field, `no policy parameters are in force on ${on}: the policy dates from 2023-03-29`);
    return set;
  }

  /**
   * The set that judges business dated `on` (R14): the one in force on that day. Business dated before the
   * first set (loans still in force from before the 实施意见 of 2023-03-29) is judged by the first set, whose
   * numbers restate the national rules of 国办发〔2019〕6号 (10,000,000 per household, 20% bank share). The
   * effective dates are read once per request and each day maps to its set's own date, so a batch spanning a
   * year of start dates costs one query per set.
   */
  async forBusinessOn(on: string): Promise<PolicyParameterSet> {
    this.effectiveDates ??= new PolicyRepo(this.manager).effectiveDates(REFERENCE);
    const all = await this.effectiveDates;
    let chosen = all[0] ?? on;
    for (const d of all) if (d <= on) chosen = d;
    return this.inForce(chosen);
  }

  async targets(on?: string): Promise<PolicyTargets> {
    const p = await this.inForce(on);
    return {
      smallAgriShare: p.smallAgriTargetShare,
      smallHouseholdShare: p.smallHouseholdTargetShare,
      averageFeeRate: p.feeRateTarget,
      minBankRiskShare: p.minBankRiskShare,
      maxHouseholdAmount: p.maxHouseholdAmount,
    };
  }
}
