import { LeadDecision, LeadStatus } from './lead.entity';

/**
 * The life of a lead (实施意见（十）, R12): the institution reviews each case (逐笔核查) and transfers the
 * confirmed ones (将线索移交公安部门); the police then move it forward only (依法进行核查).
 *
 *   PENDING_REVIEW ─CONFIRM→ CONFIRMED ─transfer→ TRANSFERRED ─→ INVESTIGATING ─→ CASE_FILED | CLOSED_NO_CASE
 *                 └DISMISS→ DISMISSED              └──────────────────────────→ CASE_FILED | CLOSED_NO_CASE
 */

/** The statuses the police may set. */
export const POLICE_STATUSES: ReadonlySet<LeadStatus> = new Set([
  LeadStatus.INVESTIGATING,
  LeadStatus.CASE_FILED,
  LeadStatus.CLOSED_NO_CASE,
]);

const POLICE_MOVES: Partial<Record<LeadStatus, ReadonlySet<LeadStatus>>> = {
  [LeadStatus.TRANSFERRED]: POLICE_STATUSES,
  [LeadStatus.INVESTIGATING]: new Set([LeadStatus.CASE_FILED, LeadStatus.CLOSED_NO_CASE]),
};

/** Whether the police may move a lead from `from` to `to`: forward only, never back, never in place. */
export function policeMayMove(from: LeadStatus, to: LeadStatus): boolean {
  return POLICE_MOVES[from]?.has(to) ?? false;
}

/** The status a review decision leads to. */
export function reviewedStatus(decision: LeadDecision): LeadStatus {
  return decision === LeadDecision.CONFIRM ? LeadStatus.CONFIRMED : LeadStatus.DISMISSED;
}

/** Optional free text: trimmed, blank is absent. */
export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
