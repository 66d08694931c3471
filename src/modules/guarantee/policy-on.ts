import type { EntityManager } from 'typeorm';
import type { PolicyParameterSet } from '../policy/policy.entity';
import type { PolicyService } from '../policy/policy.service';

const effectiveDates = new WeakMap<PolicyService, Promise<string[]>>();

/**
 * The policy parameters that judge business dated `on` (R14): the set with the latest effective date not
 * after it. Business dated before the first set (loans still in force from before the 实施意见 of
 * 2023-03-29) is judged by the first set, whose numbers restate the national rules of 国办发〔2019〕6号
 * (10,000,000 per household, 20% bank share). The effective dates are read once per PolicyService, and
 * each day maps to its set's own date, so a batch spanning a year of start dates costs one query per set.
 */
export async function policyOn(policy: PolicyService, manager: EntityManager, on: string): Promise<PolicyParameterSet> {
  let dates = effectiveDates.get(policy);
  if (!dates) {
    dates = manager
      .query(`SELECT effective_on::text AS d FROM policy_parameter_set ORDER BY effective_on`)
      .then((rows: { d: string }[]) => rows.map((r) => r.d));
    effectiveDates.set(policy, dates);
  }
  const all = await dates;
  let chosen = all[0] ?? on;
  for (const d of all) if (d <= on) chosen = d;
  return policy.inForce(chosen);
}
