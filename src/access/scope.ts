import { FULL_IDENTITY, READERS } from './readers';
import { Role } from './roles';
import { REGION_NARROWABLE, type Viewer } from './viewer';

/**
 * Which rows a viewer may read (../shared/DESIGN.md §3), as SQL conditions every read, nested field and loader
 * appends. A row outside the scope behaves exactly like a missing one. This file is the one home of
 * row scoping: a module picks the method named after the kind of row it reads.
 *
 * Each method returns a condition over the given table alias and the parameters it binds, named with a
 * `scope_` prefix so they cannot collide with a query's own. `FALSE` is the default: a role reads a kind
 * of row only where a case below grants it.
 *
 * A `regionId` narrows a government role to the institutions of that region and their business (a
 * county's finance bureau sees its county's institutions, R10/R11): always by the institution's region,
 * so everything a narrowed viewer can reach from a row (its institution, agreement, bank) is readable too.
 */
export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

const NONE: ScopeCondition = { sql: 'FALSE', params: {} };
const ALL: ScopeCondition = { sql: 'TRUE', params: {} };

/** How a BANK viewer reaches a kind of row: through a column holding its bank id, or through its agreements. */
type BankPath = { column: string } | { viaAgreements: true } | { viaGuarantee: string } | undefined;

export class Scope {
  constructor(readonly viewer: Viewer | null) {}

  /** guarantee_institution rows: reference data for government roles; an institution sees itself, a bank its partners. */
  institutions(alias: string): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    switch (v.role) {
      case Role.TASK_FORCE_OFFICE:
      case Role.FINANCE:
      case Role.FINANCIAL_REGULATOR:
      case Role.INDUSTRY:
      case Role.SASAC:
      case Role.LOCAL_GOVERNMENT:
      case Role.TASK_FORCE_MEMBER:
        return this.region(`${alias}.region_id`) ?? ALL;
      case Role.PBOC:
      case Role.BANKING_REGULATOR:
        return ALL;
      case Role.HOLDING_GROUP:
        return { sql: `${alias}.in_holding_group`, params: {} };
      case Role.GUARANTEE_INSTITUTION:
        return this.own(`${alias}.id`);
      case Role.BANK:
        // Its partners: by agreement, or by a loan it made under the institution's guarantee.
        return {
          sql:
            `(EXISTS (SELECT 1 FROM cooperation_agreement scope_a WHERE scope_a.institution_id = ${alias}.id AND scope_a.bank_id = :scope_bank)` +
            ` OR EXISTS (SELECT 1 FROM guarantee scope_g WHERE scope_g.institution_id = ${alias}.id AND scope_g.bank_id = :scope_bank))`,
          params: { scope_bank: v.bankId },
        };
      default:
        return NONE;
    }
  }

  /** Rows carrying an institution_id that only the institution's own side reads (no bank path). */
  business(alias: string, opts: { bankColumn?: string } = {}): ScopeCondition {
    return this.owned(alias, READERS.business, opts.bankColumn ? { column: opts.bankColumn } : undefined);
  }

  /** guarantee rows (a bank reads its own loans). Borrowers are read only through these. */
  guarantees(alias: string): ScopeCondition {
    return this.owned(alias, READERS.business, { column: 'bank_id' });
  }

  /** borrower rows: those with a guarantee the viewer reads (the police meet borrowers only inside a lead's own projection). */
  borrowers(alias: string): ScopeCondition {
    const g = this.guarantees('scope_bg');
    if (g === NONE || g.sql === 'FALSE') return NONE;
    return { sql: `EXISTS (SELECT 1 FROM guarantee scope_bg WHERE scope_bg.borrower_id = ${alias}.id AND ${g.sql})`, params: g.params };
  }

  /** compensation rows (a bank reads the compensations of its own loans). */
  compensations(alias: string): ScopeCondition {
    return this.owned(alias, READERS.business, { viaGuarantee: 'guarantee_id' });
  }

  /** cooperation_agreement rows: also the PBOC and the banking regulator (no borrower data in them). */
  agreements(alias: string): ScopeCondition {
    const role = this.viewer?.role;
    if (role === Role.PBOC || role === Role.BANKING_REGULATOR) return ALL;
    return this.owned(alias, READERS.business, { column: 'bank_id' });
  }

  /** risk_compensation_claim and fee_subsidy_claim rows. */
  claims(alias: string): ScopeCondition {
    return this.owned(alias, READERS.claims, undefined);
  }

  /** capital_injection rows. */
  capitalInjections(alias: string): ScopeCondition {
    return this.owned(alias, READERS.capital, undefined);
  }

  /** performance_evaluation rows. */
  evaluations(alias: string): ScopeCondition {
    return this.owned(alias, READERS.evaluations, undefined);
  }

  /** monthly_report rows: a bank reads the reports of the institutions it has agreements with (R13 notifies it). */
  reports(alias: string): ScopeCondition {
    return this.owned(alias, READERS.reports, { viaAgreements: true });
  }

  /** report_notification rows: a bank reads those addressed to it (R13); nobody else reads a bank's inbox. */
  reportNotifications(alias: string): ScopeCondition {
    const v = this.viewer;
    if (v?.role !== Role.BANK || !v.bankId) return NONE;
    return { sql: `${alias}.bank_id = :scope_bank`, params: { scope_bank: v.bankId } };
  }

  /** business_month_stats rows (institution × bank × month aggregates; no borrower in them). */
  aggregates(alias: string): ScopeCondition {
    const role = this.viewer?.role;
    if (role === Role.PBOC || role === Role.BANKING_REGULATOR) return ALL;
    return this.owned(alias, READERS.aggregates, { column: 'bank_id' });
  }

  /** inspection rows (R20): the government readers by region, the inspected institution its own. */
  inspections(alias: string): ScopeCondition {
    return this.owned(alias, READERS.oversight, undefined);
  }

  /** bank rows: reference data for every business role; a bank sees itself; the police and the operator none. */
  banks(alias: string): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    if (v.role === Role.BANK) return { sql: `${alias}.id = :scope_bank`, params: { scope_bank: v.bankId } };
    if (v.role === Role.ADMIN || v.role === Role.PUBLIC_SECURITY) return NONE;
    return ALL;
  }

  /** malicious_default_lead rows: the police see transferred leads only (R12); never the task-force office. */
  leads(alias: string): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    if (v.role === Role.PUBLIC_SECURITY) return { sql: `${alias}.transferred_at IS NOT NULL`, params: {} };
    return this.owned(alias, READERS.leads, undefined);
  }

  /** Whether a borrower identifier shows in full for business of this institution (../shared/DESIGN.md §3). */
  seesBorrowerIdentity(institutionId: string): boolean {
    const v = this.viewer;
    if (!v) return false;
    if (FULL_IDENTITY.has(v.role)) return true;
    return v.role === Role.GUARANTEE_INSTITUTION && v.institutionId === institutionId;
  }

  /** In a lead the police see the identifier in full too: they investigate the person (实施意见（十）). */
  seesLeadIdentity(institutionId: string): boolean {
    return this.viewer?.role === Role.PUBLIC_SECURITY || this.seesBorrowerIdentity(institutionId);
  }

  /** Whether this viewer acts for the given institution (writes of an institution's own business). */
  actsFor(institutionId: string): boolean {
    return this.viewer?.role === Role.GUARANTEE_INSTITUTION && this.viewer.institutionId === institutionId;
  }

  /** Whether a government write about a region is within the viewer's region (city-wide viewers cover all). */
  coversRegion(regionId: string): boolean {
    const v = this.viewer;
    if (!v) return false;
    if (!REGION_NARROWABLE.has(v.role) || !v.regionId) return true;
    return v.regionId === regionId;
  }

  /** Rows with an institution_id: the kind's government readers, the holding group, the institution, and the bank path. */
  private owned(alias: string, readers: ReadonlySet<Role>, bank: BankPath): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    if (readers.has(v.role)) {
      const region = this.region('scope_i.region_id');
      if (!region) return ALL;
      return {
        sql: `${alias}.institution_id IN (SELECT scope_i.id FROM guarantee_institution scope_i WHERE ${region.sql})`,
        params: region.params,
      };
    }
    switch (v.role) {
      case Role.HOLDING_GROUP:
        return {
          sql: `${alias}.institution_id IN (SELECT scope_i.id FROM guarantee_institution scope_i WHERE scope_i.in_holding_group)`,
          params: {},
        };
      case Role.GUARANTEE_INSTITUTION:
        return this.own(`${alias}.institution_id`);
      case Role.BANK:
        return this.bankPath(alias, bank);
      default:
        return NONE;
    }
  }

  private bankPath(alias: string, bank: BankPath): ScopeCondition {
    const params = { scope_bank: this.viewer?.bankId };
    if (!bank || !params.scope_bank) return NONE;
    if ('column' in bank) return { sql: `${alias}.${bank.column} = :scope_bank`, params };
    if ('viaGuarantee' in bank) {
      return {
        sql: `EXISTS (SELECT 1 FROM guarantee scope_g WHERE scope_g.id = ${alias}.${bank.viaGuarantee} AND scope_g.bank_id = :scope_bank)`,
        params,
      };
    }
    return {
      sql: `EXISTS (SELECT 1 FROM cooperation_agreement scope_a WHERE scope_a.institution_id = ${alias}.institution_id AND scope_a.bank_id = :scope_bank)`,
      params,
    };
  }

  /** The viewer's region as a condition on the given column, or undefined when it is not narrowed. */
  private region(column: string): ScopeCondition | undefined {
    const v = this.viewer;
    if (!v?.regionId || !REGION_NARROWABLE.has(v.role)) return undefined;
    return { sql: `${column} = :scope_region`, params: { scope_region: v.regionId } };
  }

  private own(column: string): ScopeCondition {
    const id = this.viewer?.institutionId;
    return id ? { sql: `${column} = :scope_institution`, params: { scope_institution: id } } : NONE;
  }
}
