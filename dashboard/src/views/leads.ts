import { gql } from '../api';
import { h } from '../dom';
import { EMPTY, formatDay, formatWan } from '../format';
import { num, sortableTable } from './table';

interface Lead {
  id: string;
  institutionName: string;
  borrowerName: string;
  compensationAmount: string;
  compensationPaidOn: string;
  evidence: string;
  status: string;
  transferredAt: string | null;
  policeCaseNumber: string | null;
  policeNote: string | null;
}

const FIELDS =
  'id institutionName borrowerName compensationAmount compensationPaidOn evidence status transferredAt policeCaseNumber policeNote';

export const LEAD_STATUS: Record<string, string> = {
  PENDING_REVIEW: '待核查',
  CONFIRMED: '核查属实，待移交',
  DISMISSED: '核查排除',
  TRANSFERRED: '已移交公安',
  INVESTIGATING: '公安核查中',
  CASE_FILED: '已立案',
  CLOSED_NO_CASE: '不予立案，已办结',
};

/** The moves the police may make (R12, lead.transitions.ts on the hub): forward only. */
const NEXT: Record<string, string[]> = {
  TRANSFERRED: ['INVESTIGATING', 'CASE_FILED', 'CLOSED_NO_CASE'],
  INVESTIGATING: ['CASE_FILED', 'CLOSED_NO_CASE'],
};

/** 恶意逃废债线索: what the viewer may read; the police also move each transferred lead forward. */
export async function leadsView(canInvestigate: boolean, onError: (message: string) => void): Promise<HTMLElement> {
  const { maliciousDefaultLeads } = await gql<{ maliciousDefaultLeads: Lead[] }>(`{ maliciousDefaultLeads { ${FIELDS} } }`);
  const action = (lead: Lead): HTMLElement | string => {
    const next = NEXT[lead.status];
    if (!canInvestigate || !next) return EMPTY;
    const select = h('select', { 'aria-label': '核查状态' }, ...next.map((s) => h('option', { value: s }, LEAD_STATUS[s])));
    const caseNumber = h('input', { type: 'text', placeholder: '立案编号（立案时必填）', 'aria-label': '立案编号', maxlength: '64' });
    const note = h('input', { type: 'text', placeholder: '核查情况', 'aria-label': '核查情况', maxlength: '500' });
    const button = h('button', { type: 'button' }, '更新');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const { updateLeadInvestigation: updated } = await gql<{ updateLeadInvestigation: Lead }>(
          `mutation ($id: ID!, $status: LeadStatus!, $caseNumber: String, $note: String) {
            updateLeadInvestigation(id: $id, status: $status, caseNumber: $caseNumber, note: $note) { ${FIELDS} } }`,
          { id: lead.id, status: select.value, caseNumber: caseNumber.value.trim() || null, note: note.value.trim() || null },
        );
        Object.assign(lead, updated);
        const cell = button.closest('tr')?.querySelector('[data-col="status"]');
        if (cell) {
          cell.textContent = LEAD_STATUS[updated.status] ?? updated.status;
          cell.setAttribute('data-raw', updated.status);
        }
        button.closest('td')?.replaceChildren(action(lead));
      } catch (err) {
        onError(err instanceof Error ? err.message : String(err));
        button.disabled = false;
      }
    });
    return h('div', { class: 'lead-action' }, select, caseNumber, note, button);
  };
  return sortableTable(
    'leads',
    [
      { title: '担保机构', text: (l) => l.institutionName, sort: (l) => l.institutionName },
      { title: '被担保人', text: (l) => l.borrowerName, sort: (l) => l.borrowerName },
      {
        title: '代偿金额（万元）',
        text: (l) => formatWan(l.compensationAmount),
        sort: (l) => num(l.compensationAmount),
        numeric: true,
        raw: (l) => l.compensationAmount,
      },
      { title: '代偿日期', text: (l) => formatDay(l.compensationPaidOn), sort: (l) => l.compensationPaidOn },
      { title: '移交日期', text: (l) => formatDay(l.transferredAt), sort: (l) => l.transferredAt },
      { title: '状态', id: 'status', text: (l) => LEAD_STATUS[l.status] ?? l.status, sort: (l) => l.status, raw: (l) => l.status },
      { title: '立案编号', text: (l) => l.policeCaseNumber ?? EMPTY },
      { title: '线索依据', text: (l) => l.evidence },
      ...(canInvestigate ? [{ title: '核查操作', text: () => '', node: action }] : []),
    ],
    maliciousDefaultLeads,
    (l) => l.id,
  );
}
