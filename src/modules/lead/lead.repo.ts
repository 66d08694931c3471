import { maskIdentifier, maskIdentifiersIn } from '../../access/mask';
import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import { LeadStatus } from './lead.entity';
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

export interface LockedLead {
  id: string;
  institutionId: string;
  status: LeadStatus;
}

/** malicious_default_lead (R12): its reads through scope.leads, its review, transfer and investigation. */
export class LeadRepo extends Repository {
  /** Leads the viewer may read (scope.leads); each row's identifier shown or masked for this viewer. */
  async read(scope: Scope, filter: LeadFilter): Promise<LeadEntry[]> {
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
    const rows = await this.rows<LeadRow>(`${SELECT_LEADS} WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.id`, params);
    // ../shared/DESIGN.md §3: in full for the owning institution, FINANCE, FINANCIAL_REGULATOR and, in leads, the police.
    return rows.map((row) => ({ compensationId: row.compensation_id, view: toView(row, scope.seesLeadIdentity(row.institution_id)) }));
  }

  /** A lead in scope, locked FOR UPDATE until the caller's transaction ends. */
  lock(scope: Scope, id: string): Promise<LockedLead | undefined> {
    const scoped = scope.leads('l');
    return this.first<LockedLead>(
      `SELECT l.id, l.institution_id AS "institutionId", l.status FROM malicious_default_lead l WHERE l.id = :id AND ${scoped.sql} FOR UPDATE`,
      { ...scoped.params, id },
    );
  }

  async insert(lead: { compensationId: string; institutionId: string; evidence: string }): Promise<void> {
    await this.manager.query(`INSERT INTO malicious_default_lead (compensation_id, institution_id, evidence) VALUES ($1, $2, $3)`, [
      lead.compensationId,
      lead.institutionId,
      lead.evidence,
    ]);
  }

  async setReviewed(id: string, status: LeadStatus, note: string | null, by: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE malicious_default_lead SET status = $2, review_note = $3, reviewed_at = now(), reviewed_by = $4, updated_at = now() WHERE id = $1`,
      [id, status, note, by],
    );
  }

  async setTransferred(id: string): Promise<void> {
    await this.manager.query(`UPDATE malicious_default_lead SET status = $2, transferred_at = now(), updated_at = now() WHERE id = $1`, [
      id,
      LeadStatus.TRANSFERRED,
    ]);
  }

  /** The police's move; a case number or note left out keeps the one recorded. */
  async setInvestigation(id: string, status: LeadStatus, caseNumber: string | null, note: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE malicious_default_lead
          SET status = $2, police_case_number = COALESCE($3, police_case_number), police_note = COALESCE($4, police_note), updated_at = now()
        WHERE id = $1`,
      [id, status, caseNumber, note],
    );
  }
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
