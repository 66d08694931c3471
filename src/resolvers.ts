import type { NonEmptyArray } from 'type-graphql';
import { BankResolver } from './modules/bank/bank.resolver';
import { InstitutionResolver } from './modules/institution/institution.resolver';
import { PolicyResolver } from './modules/policy/policy.resolver';
import { RegionResolver } from './modules/region/region.resolver';
import { TaskForceResolver } from './modules/task-force/task-force.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [RegionResolver, InstitutionResolver, BankResolver, TaskForceResolver, PolicyResolver];
