import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import type { Viewer } from '../../src/access/viewer';
import { business, flaggedLead, footprint, type Business } from '../fixtures/compensation-fixtures';
import { INVESTIGATE, LEADS, REVIEW, TRANSFER, type LeadOut } from '../fixtures/lead-operations';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

const police = viewer(Role.PUBLIC_SECURITY);

async function run(m: EntityManager, who: Viewer, op: string, vars: Record<string, unknown>): Promise<LeadOut> {
  const data = ok(await gql<Record<string, LeadOut>>(m, who, op, vars));
  return Object.values(data)[0];
}

/** The operation is rejected with `code` (and `field`), and no lead, compensation or guarantee changed. */
async function rejected(
  m: EntityManager,
  b: Business,
  who: Viewer,
  op: string,
  vars: Record<string, unknown>,
  code: string,
  field?: string,
) {
  const before = await footprint(m, b);
  const result = await gql(m, who, op, vars);
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(await footprint(m, b)).toEqual(before);
}

async function policeSees(m: EntityManager, leadId: string): Promise<LeadOut | undefined> {
  return ok(await gql<{ maliciousDefaultLeads: LeadOut[] }>(m, police, LEADS)).maliciousDefaultLeads.find((l) => l.id === leadId);
}

describe('lead lifecycle (实施意见（十）: 逐笔核查, 移交公安, 依法核查)', () => {
  it('goes PENDING_REVIEW → CONFIRMED → TRANSFERRED → INVESTIGATING → CASE_FILED, the police seeing it from the transfer on', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      expect(await policeSees(m, leadId)).toBeUndefined();

      const confirmed = await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM', note: ' 核实属实 ' });
      expect(confirmed).toMatchObject({ status: 'CONFIRMED', transferredAt: null });
      const [row] = await m.query(
        `SELECT review_note, reviewed_by, reviewed_at IS NOT NULL AS reviewed FROM malicious_default_lead WHERE id = $1`,
        [leadId],
      );
      expect(row).toEqual({ review_note: '核实属实', reviewed_by: b.owner.sub, reviewed: true });
      expect(await policeSees(m, leadId)).toBeUndefined();

      const transferred = await run(m, b.owner, TRANSFER, { id: leadId });
      expect(transferred.status).toBe('TRANSFERRED');
      expect(Date.parse(transferred.transferredAt!)).toBeGreaterThan(Date.now() - 60_000);
      expect((await policeSees(m, leadId))?.status).toBe('TRANSFERRED');

      const investigating = await run(m, police, INVESTIGATE, { id: leadId, status: 'INVESTIGATING', note: '已受案' });
      expect(investigating).toMatchObject({ status: 'INVESTIGATING', policeNote: '已受案', policeCaseNumber: null });
      const filed = await run(m, police, INVESTIGATE, { id: leadId, status: 'CASE_FILED', caseNumber: ' 聊公立字〔2024〕0123号 ' });
      expect(filed).toMatchObject({ status: 'CASE_FILED', policeCaseNumber: '聊公立字〔2024〕0123号', policeNote: '已受案' });
      expect(filed.transferredAt).toBe(transferred.transferredAt);
    });
  });

  it('a transferred lead may go straight to CASE_FILED or CLOSED_NO_CASE', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const leads = [];
      for (let i = 0; i < 2; i++) {
        const g = i === 0 ? b : await business(m);
        const { leadId } = await flaggedLead(m, g);
        await run(m, g.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
        await run(m, g.owner, TRANSFER, { id: leadId });
        leads.push(leadId);
      }
      expect((await run(m, police, INVESTIGATE, { id: leads[0], status: 'CASE_FILED', caseNumber: 'A-1' })).status).toBe('CASE_FILED');
      expect((await run(m, police, INVESTIGATE, { id: leads[1], status: 'CLOSED_NO_CASE', note: '不构成犯罪' })).status).toBe(
        'CLOSED_NO_CASE',
      );
    });
  });

  it('a dismissed lead stays with the institution: it cannot be transferred nor reviewed again', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      expect((await run(m, b.owner, REVIEW, { id: leadId, decision: 'DISMISS', note: '正常经营困难' })).status).toBe('DISMISSED');
      await rejected(m, b, b.owner, TRANSFER, { id: leadId }, 'CONFLICT');
      await rejected(m, b, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' }, 'CONFLICT');
      expect(await policeSees(m, leadId)).toBeUndefined();
    });
  });

  it('is reviewed once: a second review of a confirmed lead is CONFLICT, nothing written', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM', note: '属实' });
      await rejected(m, b, b.owner, REVIEW, { id: leadId, decision: 'DISMISS', note: '改判' }, 'CONFLICT');
      await rejected(m, b, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' }, 'CONFLICT');
    });
  });

  it("reviews each case individually: reviewing one lead leaves the institution's other leads pending", async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const first = await flaggedLead(m, b);
      const second = await flaggedLead(m, b, '另一笔: 虚构交易');
      await run(m, b.owner, REVIEW, { id: first.leadId, decision: 'CONFIRM' });
      const [row] = await m.query(`SELECT status FROM malicious_default_lead WHERE id = $1`, [second.leadId]);
      expect(row.status).toBe('PENDING_REVIEW');
    });
  });

  it('transfers confirmed leads only: a pending or already transferred lead is CONFLICT', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      await rejected(m, b, b.owner, TRANSFER, { id: leadId }, 'CONFLICT');
      await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
      await run(m, b.owner, TRANSFER, { id: leadId });
      await rejected(m, b, b.owner, TRANSFER, { id: leadId }, 'CONFLICT');
    });
  });

  it('the police move forward only and never in place; a filed case needs its number', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
      await run(m, b.owner, TRANSFER, { id: leadId });
      await run(m, police, INVESTIGATE, { id: leadId, status: 'INVESTIGATING' });
      await rejected(m, b, police, INVESTIGATE, { id: leadId, status: 'INVESTIGATING' }, 'CONFLICT');
      await rejected(m, b, police, INVESTIGATE, { id: leadId, status: 'CASE_FILED' }, 'BAD_USER_INPUT', 'caseNumber');
      await rejected(m, b, police, INVESTIGATE, { id: leadId, status: 'CASE_FILED', caseNumber: '   ' }, 'BAD_USER_INPUT', 'caseNumber');
      await run(m, police, INVESTIGATE, { id: leadId, status: 'CLOSED_NO_CASE', note: '不予立案' });
      for (const status of ['INVESTIGATING', 'CASE_FILED', 'CLOSED_NO_CASE']) {
        await rejected(m, b, police, INVESTIGATE, { id: leadId, status, caseNumber: 'X-1' }, 'CONFLICT');
      }
    });
  });

  it.each(['PENDING_REVIEW', 'CONFIRMED', 'DISMISSED', 'TRANSFERRED'])(
    'the police cannot set %s (BAD_USER_INPUT status)',
    async (status) => {
      await inRollback(async (m) => {
        const b = await business(m);
        const { leadId } = await flaggedLead(m, b);
        await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
        await run(m, b.owner, TRANSFER, { id: leadId });
        await rejected(m, b, police, INVESTIGATE, { id: leadId, status }, 'BAD_USER_INPUT', 'status');
      });
    },
  );

  it('the police cannot touch a lead not transferred to them (NOT_FOUND)', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      await rejected(m, b, police, INVESTIGATE, { id: leadId, status: 'INVESTIGATING' }, 'NOT_FOUND');
      await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
      await rejected(m, b, police, INVESTIGATE, { id: leadId, status: 'INVESTIGATING' }, 'NOT_FOUND');
      await rejected(m, b, police, INVESTIGATE, { id: 'nope', status: 'INVESTIGATING' }, 'NOT_FOUND');
    });
  });

  it("another institution's lead is NOT_FOUND to review or transfer", async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const stranger = (await business(m)).owner;
      const { leadId } = await flaggedLead(m, b);
      await rejected(m, b, stranger, REVIEW, { id: leadId, decision: 'CONFIRM' }, 'NOT_FOUND');
      await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
      await rejected(m, b, stranger, TRANSFER, { id: leadId }, 'NOT_FOUND');
      await rejected(m, b, b.owner, REVIEW, { id: '00000000-0000-4000-8000-000000000000', decision: 'CONFIRM' }, 'NOT_FOUND');
    });
  });

  it('each step belongs to one role: anyone else is FORBIDDEN, nothing written', async () => {
    await inRollback(async (m) => {
      const b = await business(m, { inHoldingGroup: true });
      const { leadId } = await flaggedLead(m, b);
      const others = [Role.FINANCIAL_REGULATOR, Role.HOLDING_GROUP, Role.FINANCE, Role.TASK_FORCE_OFFICE].map((r) => viewer(r));
      for (const who of [police, ...others]) await rejected(m, b, who, REVIEW, { id: leadId, decision: 'CONFIRM' }, 'FORBIDDEN');
      await run(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' });
      for (const who of [police, ...others]) await rejected(m, b, who, TRANSFER, { id: leadId }, 'FORBIDDEN');
      await run(m, b.owner, TRANSFER, { id: leadId });
      for (const who of [b.owner, ...others]) await rejected(m, b, who, INVESTIGATE, { id: leadId, status: 'INVESTIGATING' }, 'FORBIDDEN');
      await rejected(m, b, null as unknown as Viewer, INVESTIGATE, { id: leadId, status: 'INVESTIGATING' }, 'UNAUTHENTICATED');
    });
  });
});
