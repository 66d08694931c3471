import { describe, expect, it } from 'vitest';
import { LeadDecision, LeadStatus } from '../../src/modules/lead/lead.entity';
import { POLICE_STATUSES, optionalText, policeMayMove, reviewedStatus } from '../../src/modules/lead/lead.transitions';

const { PENDING_REVIEW, DISMISSED, CONFIRMED, TRANSFERRED, INVESTIGATING, CASE_FILED, CLOSED_NO_CASE } = LeadStatus;

describe('lead transitions (实施意见（十）: 公安部门对移交的线索依法进行核查)', () => {
  const allowed = new Set([
    `${TRANSFERRED}>${INVESTIGATING}`,
    `${TRANSFERRED}>${CASE_FILED}`,
    `${TRANSFERRED}>${CLOSED_NO_CASE}`,
    `${INVESTIGATING}>${CASE_FILED}`,
    `${INVESTIGATING}>${CLOSED_NO_CASE}`,
  ]);
  const all = Object.values(LeadStatus);

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('police %s → %s', (from, to) => {
    expect(policeMayMove(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('the police set only their three statuses', () => {
    expect([...POLICE_STATUSES].sort()).toEqual([CASE_FILED, CLOSED_NO_CASE, INVESTIGATING].sort());
  });

  it('a review confirms or dismisses', () => {
    expect(reviewedStatus(LeadDecision.CONFIRM)).toBe(CONFIRMED);
    expect(reviewedStatus(LeadDecision.DISMISS)).toBe(DISMISSED);
    expect([PENDING_REVIEW, DISMISSED, CONFIRMED].some((s) => POLICE_STATUSES.has(s))).toBe(false);
  });

  it('optional text is trimmed and blank is absent', () => {
    expect(optionalText('  立案 ')).toBe('立案');
    expect(optionalText(' \t')).toBeNull();
    expect(optionalText(null)).toBeNull();
    expect(optionalText(undefined)).toBeNull();
  });
});
