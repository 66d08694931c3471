import type { EntityManager } from 'typeorm';
import { businessToday } from '../../lib/dates';
import { PolicyParameterSet } from './policy.entity';
import type { PolicyTargets } from './policy.types';

/** R14: every rule reads its numbers from the parameter set in force on the business day in question. */
export class PolicyService {
  private readonly cache = new Map<string, Promise<PolicyParameterSet>>();

  constructor(private readonly manager: EntityManager) {}

  /** The set with the latest effective date not after `on` (default: today in Shanghai). */
  inForce(on: string = businessToday()): Promise<PolicyParameterSet> {
    let found = this.cache.get(on);
    if (!found) {
      found = this.manager
        .createQueryBuilder(PolicyParameterSet, 'p')
        .where('p.effective_on <= :on', { on })
        .orderBy('p.effective_on', 'DESC')
        .limit(1)
        .getOne()
        .then((set) => {
          if (!set) throw new Error(`no policy parameters are in force on ${on}`);
          return set;
        });
      this.cache.set(on, found);
    }
    return found;
  }

  async targets(on?: string): Promise<PolicyTargets> {
    const p = await this.inForce(on);
    return {
      smallAgriShare: p.smallAgriTargetShare,
      averageFeeRate: p.feeRateTarget,
      minBankRiskShare: p.minBankRiskShare,
      maxHouseholdAmount: p.maxHouseholdAmount,
    };
  }
}
