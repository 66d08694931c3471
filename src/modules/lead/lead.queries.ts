import type { EntityManager } from 'typeorm';
import { maskIdentifier, maskIdentifiersIn } from '../../access/mask';
import type { Scope } from '../../access/scope';

import { queryRows } from '../../platform/db/sql';
import type { LeadStatus } from './lead.entity';
import type { LeadView } from './lead.types';

interface LeadRow {
  id: string;
  compensation_id: string;
  institution_id: string;
  status: LeadStatus;
  evidence: string;
  transferred_at: Date | null;
  police_case_number: string | null;
  police_note: string | null;
  institution_name: string;
  borrower_name: string;
  borrower_identifier: string;
  compensation_amount: string;
  compensation_paid_on: string;
}

/** One statement for any number of leads: lead → compensation → guarantee → borrower, and the institution. */
const SELECT_LEADS = `
  SELECT l.id, l.compensation_id, l.institution_id, l.status, l.evidence, l.transferred_at, l.police_case_number, l.police_note,
         i.name AS institution_name, b.name AS borrower_name, b.identifier AS borrower_identifier,
         c.amount AS compensation_amount, c.paid_on AS compensation_paid_on
    FROM malicious_default_lead l
    JOIN compensation c ON c.id = l.compensation_id
    JOIN guarantee g ON g.id = c.guarantee_id
    JOIN borrower b ON b.id = g.borrower_id
    JOIN guarantee_institution i ON i.id = l.institution_id`;

export interface LeadFilter {
  ids?: string[];
  compensationIds?: string[];
  status?: LeadStatus | null;
}

/** A lead as this viewer sees it, with the compensation it belongs to (for loaders; not part of the view). */
export interface LeadEntry {
  compensationId: string;
  view: LeadView;
}

/** Leads the viewer may read (scope.leads); each row's identifier shown or masked for this viewer. */
export async function readLeads(manager: EntityManager, scope: Scope, filter: LeadFilter): Promise<LeadEntry[]> {
  const scoped = scope.leads('l');
  const where = [scoped.sql];
  const params: Record<string, unknown> = { ...scoped.params };
  if (filter.ids) {
    where.push('l.id = ANY(:ids)');
    params.ids = filter.ids;
  }
  if (filter.compensationIds) {
    where.push('l.compensation_id = ANY(:compensationIds)');
    params.compensationIds = filter.compensationIds;
  }
  if (filter.status) {
    where.push('l.status = :status');
    params.status = filter.status;
  }
  const rows = await queryRows<LeadRow>(manager, `${SELECT_LEADS} WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.id`, params);
  // DESIGN.md §3: in full for the owning institution, FINANCE, FINANCIAL_REGULATOR and, in leads, the police.
  return rows.map((row) => ({ compensationId: row.compensation_id, view: toView(row, scope.seesLeadIdentity(row.institution_id)) }));
}

function toView(row: LeadRow, fullIdentity: boolean): LeadView {
  return {
    id: row.id,
    institutionName: row.institution_name,
    borrowerName: row.borrower_name,
    borrowerIdentifier: fullIdentity ? row.borrower_identifier : maskIdentifier(row.borrower_identifier),
    compensationAmount: row.compensation_amount,
    compensationPaidOn: row.compensation_paid_on,
    // Free text quotes the borrower (and guarantors): masked like the identifier field for whoever sees that masked.
    evidence: fullIdentity ? row.evidence : maskIdentifiersIn(row.evidence),
    status: row.status,
    transferredAt: row.transferred_at,
    policeCaseNumber: row.police_case_number,
    policeNote: fullIdentity || row.police_note === null ? row.police_note : maskIdentifiersIn(row.police_note),
  };
}
