import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../access/scope';
import { SystemScope } from '../access/system-scope';
import type { Bank } from '../modules/bank/bank.entity';
import { BankRepo } from '../modules/bank/bank.repo';
import type { CooperationAgreement } from '../modules/cooperation/cooperation.entity';
import { CooperationRepo } from '../modules/cooperation/cooperation.repo';
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
 * viewers). A row outside the scope loads as null: it behaves like a missing row. Each is made on first use:
 * most requests (a page of guarantees) use none.
 */
export class Loaders {
  private readonly made = new Map<string, unknown>();

  constructor(
    readonly manager: EntityManager,
    readonly scope: Scope,
  ) {}

  private once<T>(name: string, make: () => T): T {
    let loader = this.made.get(name) as T | undefined;
    if (loader === undefined) this.made.set(name, (loader = make()));
    return loader;
  }

  get region(): DataLoader<string, Region | null> {
    const regions = SystemScope.because(PUBLIC_REGIONS);
    return this.once('region', () => byId((ids) => new RegionRepo(this.manager).byIds(regions, ids)));
  }

  get institution(): DataLoader<string, GuaranteeInstitution | null> {
    return this.once('institution', () => byId((ids) => new InstitutionRepo(this.manager).byIds(this.scope, ids)));
  }

  get bank(): DataLoader<string, Bank | null> {
    return this.once('bank', () => byId((ids) => new BankRepo(this.manager).byIds(this.scope, ids)));
  }

  get agreement(): DataLoader<string, CooperationAgreement | null> {
    return this.once('agreement', () => byId((ids) => new CooperationRepo(this.manager).byIds(this.scope, ids)));
  }

  /** Guarantees with their relations, the borrower's identifier decided for this viewer (Compensation.guarantee). */
  get guarantee(): DataLoader<string, GuaranteeView | null> {
    return this.once('guarantee', () => guaranteeByIdLoader(this.manager, this.scope));
  }

  get compensationsByGuarantee(): DataLoader<string, CompensationRecord[]> {
    return this.once('compensationsByGuarantee', () => compensationsByGuaranteeLoader(this.manager, this.scope));
  }

  get leadByCompensation(): DataLoader<string, LeadView | null> {
    return this.once('leadByCompensation', () => leadByCompensationLoader(this.manager, this.scope));
  }

  /** Ids of the institutions a task-force meeting supervises that the viewer may read. */
  get meetingInstitutions(): DataLoader<string, string[]> {
    return this.once(
      'meetingInstitutions',
      () => new DataLoader((ids) => new OversightRepo(this.manager).supervisedInstitutionIds(this.scope, ids)),
    );
  }

  /** The guarantees each fee-subsidy claim counted (R8), those in the viewer's scope, with their relations. */
  get feeSubsidyEligible(): DataLoader<string, GuaranteeView[]> {
    return this.once(
      'feeSubsidyEligible',
      () =>
        new DataLoader(async (claimIds: readonly string[]) => {
          const byClaim = new Map<string, GuaranteeView[]>();
          const shared = { institutions: new Map(), banks: new Map() };
          for (const { claimId, ...row } of await new FeeSubsidyRepo(this.manager).eligibleByClaims(this.scope, claimIds)) {
            byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), toJoined(row, this.scope, shared)]);
          }
          return claimIds.map((id) => byClaim.get(id) ?? []);
        }),
    );
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
