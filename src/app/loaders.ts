import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Scope, ScopeCondition } from '../access/scope';
import { Bank } from '../modules/bank/bank.entity';
import { CooperationAgreement } from '../modules/cooperation/cooperation.entity';
import { borrowerLoader, type BorrowerRecord } from '../modules/borrower/borrower.store';
import { compensationsByGuaranteeLoader, guaranteeByIdLoader, type CompensationRecord } from '../modules/compensation/compensation.sql';
import type { GuaranteeRecord } from '../modules/guarantee/guarantee.sql';
import { GuaranteeInstitution } from '../modules/institution/institution.entity';
import { leadByCompensationLoader } from '../modules/lead/lead.loaders';
import { supervisedInstitutionIds } from '../modules/oversight/oversight.service';
import type { LeadView } from '../modules/lead/lead.types';
import { Region } from '../modules/region/region.entity';
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
  readonly guarantee: DataLoader<string, GuaranteeRecord | null>;
  readonly compensationsByGuarantee: DataLoader<string, CompensationRecord[]>;
  readonly leadByCompensation: DataLoader<string, LeadView | null>;
  /** Ids of the institutions a task-force meeting supervises that the viewer may read. */
  readonly meetingInstitutions: DataLoader<string, string[]>;

  constructor(
    readonly manager: EntityManager,
    readonly scope: Scope,
  ) {
    // Regions are public reference data.
    this.region = byId(manager, Region, 'r', () => ({ sql: 'TRUE', params: {} }));
    this.institution = byId(manager, GuaranteeInstitution, 'i', (a) => scope.institutions(a));
    this.bank = byId(manager, Bank, 'b', (a) => scope.banks(a));
    this.agreement = byId(manager, CooperationAgreement, 'a', (a) => scope.agreements(a));
    this.borrower = borrowerLoader(manager);
    this.guarantee = guaranteeByIdLoader(manager, scope);
    this.compensationsByGuarantee = compensationsByGuaranteeLoader(manager, scope);
    this.leadByCompensation = leadByCompensationLoader(manager, scope);
    this.meetingInstitutions = new DataLoader((ids) => supervisedInstitutionIds(manager, scope, ids));
  }
}

/** A loader of entities by id, restricted by a scope condition over the given alias. */
export function byId<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: new () => T,
  alias: string,
  condition: (alias: string) => ScopeCondition,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const scoped = condition(alias);
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => null);
    const rows = await manager
      .createQueryBuilder(entity, alias)
      .where(`${alias}.id = ANY(:ids)`, { ids: valid })
      .andWhere(scoped.sql, scoped.params)
      .getMany();
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
