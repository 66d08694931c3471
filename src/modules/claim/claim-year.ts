import type { EntityManager } from 'typeorm';
import { SystemScope } from '../../access/system-scope';
import { BadInputError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { PolicyRepo } from '../policy/policy.repo';

/** The first year a claim may cover: the claim tables' own check (year BETWEEN 2000 AND 2999). */
const FIRST_YEAR = 2000;

/**
 * The year of an annual claim (R7, R8): a COMPLETED calendar year (before the current Shanghai year), since a running
 * year would freeze partial figures and, being its year's open claim, block the full one.
 */
export function requireCompletedYear(year: number): void {
  const current = Number(businessToday().slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR || year >= current) {
    throw new BadInputError('year', `year must be a completed calendar year from ${FIRST_YEAR} to ${current - 1}`);
  }
}

/** R14: a claim's year needs a parameter version in force by its last day; a year before the policy is BAD_USER_INPUT on `year`. */
export async function requirePolicyYear(manager: EntityManager, year: number): Promise<void> {
  if (!(await new PolicyRepo(manager).anyInForceBy(SystemScope.because('R14 policy parameters: reference data'), `${year}-12-31`)))
    throw new BadInputError('year', `No policy parameters were in force in ${year}: the policy dates from 2023-03-29 (R14)`);
}
