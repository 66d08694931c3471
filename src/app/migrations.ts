import { InitialSchema1764201600000 } from '../../migrations/1764201600000-InitialSchema';
import { LoginFailures1796299200000 } from '../../migrations/1796299200000-LoginFailures';

/** Every migration, in order. Listed by class (not a glob) so ts-node, vitest and a build all find them. */
export const MIGRATIONS = [InitialSchema1764201600000, LoginFailures1796299200000];
