import { InitialSchema1764201600000 } from '../../migrations/1764201600000-InitialSchema';
import { Oversight1796169600000 } from '../../migrations/1796169600000-Oversight';
import { PolicyVersionsAndPayments1796256000000 } from '../../migrations/1796256000000-PolicyVersionsAndPayments';

/** Every migration, in order. Listed by class (not a glob) so ts-node, vitest and a build all find them. */
export const MIGRATIONS = [InitialSchema1764201600000, Oversight1796169600000, PolicyVersionsAndPayments1796256000000];
