import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../access/scope';
import { SystemScope } from '../access/system-scope';
import type { Bank } from '../modules/bank/bank.entity';
import { BankRepo } from '../modules/bank/bank.repo';
import type { CooperationAgreement } from '../modules/cooperation/cooperation.entity';
import { CooperationRepo } from '../modules/cooperation/cooperation.repo';
import { BorrowerRepo, type BorrowerRecord } from '../modules/borrower/borrower.repo';
import { compensationsByGuaranteeLoader, guaranteeByIdLoader, type CompensationRecord } from '../modules/compensation/compensation.repo';
import { toJoined, type GuaranteeView } from '../modules/guarantee/page/guarantee.joined';
import type { GuaranteeInstitution } from '../modules/institution/institution.entity';
import { InstitutionRepo } from '../modules/institution/institution.repo';
import { leadByCompensationLoader } from '../modules/lead/lead.loaders';
import type { LeadView } from '../modules/lead/lead.types';
import { OversightRepo } from '../modules/oversight/oversight.repo';
import { FeeSubsidyRepo } from '../modules/fee-subsidy/fee-subsidy.repo';
import type { Region } from '../modules/region/region.entity';
import { PUBLIC_REGIONS, RegionRepo } from '../modules/region/region.repo';
import { isUuid } from '../platform/lib/ids';

/**
 * Per-request batch loaders, built from the viewer's scope (a shared cache would leak rows between
 * viewers). A row outside the scope loads as null: it behaves like a missing row.
 */
export class Loaders {
  readonly region: DataLoader<string, Region | null>;
  readonly institution: DataLoader<string, GuaranteeInstitution | null>;
  readonly bank: DataLoader<string, Bank | null>;
  readonly agreement: DataLoader<string, CooperationAgreement | null>;
  /** Plain rows; reached only through a guarantee or lead in scope, which decides what of the identifier shows. */
  readonly borrower: DataLoader<string, BorrowerRecord | null>;
  readonly guarantee: DataLoader<string, GuaranteeView | null>;
  readonly compensationsByGuarantee: DataLoader<string, CompensationRecord[]>;
  readonly leadByCompensation: DataLoader<string, LeadView | null>;
  /** Ids of the institutions a task-force meeting supervises that the viewer may read. */
  readonly meetingInstitutions: DataLoader<string, string[]>;
  /** The guarantees each fee-subsidy claim counted (R8), those in the viewer's scope. */
  readonly feeSubsidyEligible: DataLoader<string, GuaranteeView[]>;

  constructor(
    readonly manager: EntityManager,
    readonly scope: Scope,
  ) {
    const regions = SystemScope.because(PUBLIC_REGIONS);
    this.region = byId((ids) => new RegionRepo(manager).byIds(regions, ids));
    this.institution = byId((ids) => new InstitutionRepo(manager).byIds(scope, ids));
    this.bank = byId((ids) => new BankRepo(manager).byIds(scope, ids));
    this.agreement = byId((ids) => new CooperationRepo(manager).byIds(scope, ids));
    // Reached only through a guarantee or lead the scope let through, which decides what of the identifier shows.
    const borrowers = SystemScope.because('borrowers are read through a guarantee or lead already in scope');
    this.borrower = byId((ids) => new BorrowerRepo(manager).byIds(borrowers, ids));
    this.guarantee = guaranteeByIdLoader(manager, scope);
    this.compensationsByGuarantee = compensationsByGuaranteeLoader(manager, scope);
    this.leadByCompensation = leadByCompensationLoader(manager, scope);
    this.meetingInstitutions = new DataLoader((ids) => new OversightRepo(manager).supervisedInstitutionIds(scope, ids));
    this.feeSubsidyEligible = new DataLoader(async (claimIds) => {
      const byClaim = new Map<string, GuaranteeView[]>();
      const shared = { institutions: new Map(), banks: new Map() };
      for (const { claimId, ...row } of await new FeeSubsidyRepo(manager).eligibleByClaims(scope, claimIds)) {
        byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), toJoined(row, scope, shared)]);
      }
      return claimIds.map((id) => byClaim.get(id) ?? []);
    });
  }
}

/** A loader by id over a repository read that applies the scope itself; an id that is no UUID loads as null. */
function byId<T extends { id: string }>(read: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => null);
    const found = new Map((await read(valid)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
