import { Role } from './roles';
import type { Viewer } from './viewer';

/**
 * Which rows a viewer may read (DESIGN.md §3), as SQL conditions every read, nested field and loader
 * appends. A row outside the scope behaves exactly like a missing one.
 *
 * Each method returns a condition over the given table alias and the parameters it binds, named with a
 * `scope_` prefix so they cannot collide with a query's own. `FALSE` is the default: a role reads a kind
 * of row only where a case below grants it.
 */
export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

const NONE: ScopeCondition = { sql: 'FALSE', params: {} };
const ALL: ScopeCondition = { sql: 'TRUE', params: {} };

/** Roles that read all business data (narrowed by regionId when they carry one). */
const BUSINESS_READERS: ReadonlySet<Role> = new Set([
  Role.TASK_FORCE_OFFICE,
  Role.FINANCE,
  Role.FINANCIAL_REGULATOR,
  Role.INDUSTRY,
  Role.LOCAL_GOVERNMENT,
]);

/** Identifiers of borrowers in full: the owning institution, FINANCE, FINANCIAL_REGULATOR (and the police in leads). */
const FULL_IDENTITY: ReadonlySet<Role> = new Set([Role.FINANCE, Role.FINANCIAL_REGULATOR]);

export class Scope {
  constructor(readonly viewer: Viewer | null) {}

  private get role(): Role | undefined {
    return this.viewer?.role;
  }

  /** guarantee_institution rows. */
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
        return v.regionId ? { sql: `${alias}.region_id = :scope_region`, params: { scope_region: v.regionId } } : ALL;
      case Role.PBOC:
      case Role.BANKING_REGULATOR:
        return ALL;
      case Role.HOLDING_GROUP:
        return { sql: `${alias}.in_holding_group`, params: {} };
      case Role.GUARANTEE_INSTITUTION:
        return this.own(`${alias}.id`);
      case Role.BANK:
        return v.bankId
          ? {
              sql: `EXISTS (SELECT 1 FROM cooperation_agreement scope_a WHERE scope_a.institution_id = ${alias}.id AND scope_a.bank_id = :scope_bank)`,
              params: { scope_bank: v.bankId },
            }
          : NONE;
      default:
        return NONE;
    }
  }

  /** Rows that carry an institution_id and belong to its business (guarantees, compensations, reports …). */
  business(alias: string, opts: { bankColumn?: string; regionColumn?: string } = {}): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    if (BUSINESS_READERS.has(v.role)) {
      if (!v.regionId) return ALL;
      const own = `${alias}.institution_id IN (SELECT scope_i.id FROM guarantee_institution scope_i WHERE scope_i.region_id = :scope_region)`;
      return {
        sql: opts.regionColumn ? `(${alias}.${opts.regionColumn} = :scope_region OR ${own})` : own,
        params: { scope_region: v.regionId },
      };
    }
    switch (v.role) {
      case Role.HOLDING_GROUP:
        return { sql: `${alias}.institution_id IN (SELECT scope_i.id FROM guarantee_institution scope_i WHERE scope_i.in_holding_group)`, params: {} };
      case Role.GUARANTEE_INSTITUTION:
        return this.own(`${alias}.institution_id`);
      case Role.BANK:
        return opts.bankColumn && v.bankId ? { sql: `${alias}.${opts.bankColumn} = :scope_bank`, params: { scope_bank: v.bankId } } : NONE;
      default:
        return NONE;
    }
  }

  /** guarantee rows (borrower region and bank known on the row). */
  guarantees(alias: string): ScopeCondition {
    return this.business(alias, { bankColumn: 'bank_id', regionColumn: 'region_id' });
  }

  /** cooperation_agreement rows: also the PBOC and the banking regulator (no borrower data in them). */
  agreements(alias: string): ScopeCondition {
    if (this.role === Role.PBOC || this.role === Role.BANKING_REGULATOR) return ALL;
    if (this.role === Role.SASAC || this.role === Role.TASK_FORCE_MEMBER) return NONE;
    return this.business(alias, { bankColumn: 'bank_id' });
  }

  /** bank rows: reference data for every business role; a bank sees itself. */
  banks(alias: string): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    if (v.role === Role.BANK) return v.bankId ? { sql: `${alias}.id = :scope_bank`, params: { scope_bank: v.bankId } } : NONE;
    if (v.role === Role.ADMIN || v.role === Role.PUBLIC_SECURITY) return NONE;
    return ALL;
  }

  /** malicious_default_lead rows: the police see transferred leads only (R12). */
  leads(alias: string): ScopeCondition {
    const v = this.viewer;
    if (!v) return NONE;
    if (v.role === Role.PUBLIC_SECURITY) return { sql: `${alias}.transferred_at IS NOT NULL`, params: {} };
    if (v.role === Role.FINANCIAL_REGULATOR) return this.business(alias);
    if (v.role === Role.GUARANTEE_INSTITUTION || v.role === Role.HOLDING_GROUP) return this.business(alias);
    return NONE;
  }

  /** Whether a borrower identifier shows in full for business of this institution. */
  seesBorrowerIdentity(institutionId: string): boolean {
    const v = this.viewer;
    if (!v) return false;
    if (FULL_IDENTITY.has(v.role)) return true;
    return v.role === Role.GUARANTEE_INSTITUTION && v.institutionId === institutionId;
  }

  /** Whether this viewer acts for the given institution (writes of an institution's own business). */
  actsFor(institutionId: string): boolean {
    return this.viewer?.role === Role.GUARANTEE_INSTITUTION && this.viewer.institutionId === institutionId;
  }

  private own(column: string): ScopeCondition {
    const id = this.viewer?.institutionId;
    return id ? { sql: `${column} = :scope_institution`, params: { scope_institution: id } } : NONE;
  }
}

/** Masks an identifier for viewers without the right to it: 371502199001011234 → 3715**********1234. */
export function maskIdentifier(identifier: string): string {
  if (identifier.length <= 8) return '*'.repeat(identifier.length);
  return identifier.slice(0, 4) + '*'.repeat(identifier.length - 8) + identifier.slice(-4);
}
