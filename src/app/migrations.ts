import { InitialSchema1764201600000 } from '../../migrations/1764201600000-InitialSchema';
import { Oversight1796169600000 } from '../../migrations/1796169600000-Oversight';
import { BorrowerPerInstitution1796213471254 } from '../../migrations/1796213471254-BorrowerPerInstitution';
import { PolicyVersionsAndPayments1796256000000 } from '../../migrations/1796256000000-PolicyVersionsAndPayments';
import { LoginFailures1796299200000 } from '../../migrations/1796299200000-LoginFailures';
import { LedgerVersion1796320000000 } from '../../migrations/1796320000000-LedgerVersion';
import { ReplicaReadFence1796320100000 } from '../../migrations/1796320100000-ReplicaReadFence';
import { FeeSubsidy1796342400000 } from '../../migrations/1796342400000-FeeSubsidy';
import { UserTokenVersion1796342500000 } from '../../migrations/1796342500000-UserTokenVersion';
import { GuaranteePartitions1796386543217 } from '../../migrations/1796386543217-GuaranteePartitions';
import { HouseholdBalance1796400217391 } from '../../migrations/1796400217391-HouseholdBalance';

/** Every migration, in order. Listed by class (not a glob) so ts-node, vitest and a build all find them. */
export const MIGRATIONS = [
  InitialSchema1764201600000,
  Oversight1796169600000,
  BorrowerPerInstitution1796213471254,
  PolicyVersionsAndPayments1796256000000,
  LoginFailures1796299200000,
  LedgerVersion1796320000000,
  ReplicaReadFence1796320100000,
  FeeSubsidy1796342400000,
  UserTokenVersion1796342500000,
  GuaranteePartitions1796386543217,
  HouseholdBalance1796400217391,
];
