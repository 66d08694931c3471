import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';

import { LeadDecision, LeadStatus } from './lead.entity';
import { LeadRepo, type LockedLead } from './lead.repo';
import { POLICE_STATUSES, optionalText, policeMayMove, reviewedStatus } from './lead.transitions';
import type { LeadView } from './lead.types';

/**
 * Opens the lead of a compensation flagged as suspected malicious evasion (R12), inside the
 * compensation's own transaction: a flagged compensation never exists without its lead.
 */
export async function openLead(
  tx: EntityManager,
  lead: { compensationId: string; institutionId: string; evidence: string },
): Promise<void> {
  await new LeadRepo(tx).insert(lead);
}

/** 恶意逃废债线索: review by the owning institution, transfer to the police, the police's investigation. */
export class LeadService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  async list(status?: LeadStatus | null): Promise<LeadView[]> {
    return (await new LeadRepo(this.manager).read(this.scope, { status })).map((entry) => entry.view);
  }

  /** 逐笔核查: one case at a time, once (a reviewed lead is not reviewed again). */
  review(id: string, decision: LeadDecision, note?: string | null): Promise<LeadView> {
    return this.manager.transaction(async (tx) => {
      const lead = await this.lockOwn(tx, id);
      if (lead.status !== LeadStatus.PENDING_REVIEW) throw new ConflictError(`Lead ${id} has already been reviewed (${lead.status})`);
      await new LeadRepo(tx).setReviewed(id, reviewedStatus(decision), optionalText(note), this.scope.viewer?.sub ?? null);
      return this.view(tx, id);
    });
  }

  /** 移交公安部门: confirmed leads only. */
  transfer(id: string): Promise<LeadView> {
    return this.manager.transaction(async (tx) => {
      const lead = await this.lockOwn(tx, id);
      if (lead.status !== LeadStatus.CONFIRMED)
        throw new ConflictError(`Only a confirmed lead can be transferred; lead ${id} is ${lead.status}`);
      await new LeadRepo(tx).setTransferred(id);
      return this.view(tx, id);
    });
  }

  /** 公安部门依法核查: forward moves only; a filed case carries its number. */
  updateInvestigation(id: string, status: LeadStatus, caseNumber?: string | null, note?: string | null): Promise<LeadView> {
    if (!POLICE_STATUSES.has(status))
      throw new BadInputError('status', `The police set INVESTIGATING, CASE_FILED or CLOSED_NO_CASE, not ${status}`);
    const number = optionalText(caseNumber);
    if (status === LeadStatus.CASE_FILED && !number) throw new BadInputError('caseNumber', 'A filed case needs its case number (立案编号)');
    return this.manager.transaction(async (tx) => {
      const lead = await this.lock(tx, id);
      if (!policeMayMove(lead.status, status)) throw new ConflictError(`Lead ${id} cannot move from ${lead.status} to ${status}`);
      await new LeadRepo(tx).setInvestigation(id, status, number, optionalText(note));
      return this.view(tx, id);
    });
  }

  /** A lead in the viewer's scope, locked; a lead the viewer cannot read behaves like a missing one. */
  private async lock(tx: EntityManager, id: string): Promise<LockedLead> {
    if (!isUuid(id)) throw new NotFoundError('Lead', id);
    const lead = await new LeadRepo(tx).lock(this.scope, id);
    if (!lead) throw new NotFoundError('Lead', id);
    return lead;
  }

  /** A lead of the viewer's own institution, locked: only the owning institution reviews and transfers it. */
  private async lockOwn(tx: EntityManager, id: string): Promise<LockedLead> {
    const lead = await this.lock(tx, id);
    if (!this.scope.actsFor(lead.institutionId)) throw new NotFoundError('Lead', id);
    return lead;
  }

  private async view(tx: EntityManager, id: string): Promise<LeadView> {
    const [entry] = await new LeadRepo(tx).read(this.scope, { ids: [id] });
    if (!entry) throw new NotFoundError('Lead', id);
    return entry.view;
  }
}
