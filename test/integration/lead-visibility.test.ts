import { getNamedType, isEnumType, isScalarType, type GraphQLObjectType } from 'graphql';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import type { Viewer } from '../../src/access/viewer';
import { buildBareSchema } from '../../src/app/schema';
import { business, flaggedLead, type Business } from '../fixtures/compensation-fixtures';
import { LEADS, REVIEW, TRANSFER, type LeadOut } from '../fixtures/lead-operations';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { countStatements } from '../support/statements';
import { inRollback } from '../support/db';

const police = viewer(Role.PUBLIC_SECURITY);

interface World {
  a: Business;
  b: Business;
  /** A's lead transferred to the police, A's lead pending review, B's lead transferred. */
  aTransferred: string;
  aPending: string;
  bTransferred: string;
  identifiers: Record<string, string>;
}

async function transferred(m: EntityManager, b: Business): Promise<string> {
  const { leadId } = await flaggedLead(m, b);
  ok(await gql(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM' }));
  ok(await gql(m, b.owner, TRANSFER, { id: leadId }));
  return leadId;
}

/** Institution A belongs to the 财信 holding group, B does not. */
async function world(m: EntityManager): Promise<World> {
  const a = await business(m, { inHoldingGroup: true });
  const b = await business(m);
  const aTransferred = await transferred(m, a);
  const aPending = (await flaggedLead(m, a, '疑似虚假诉讼')).leadId;
  const bTransferred = await transferred(m, b);
  const rows: { id: string; identifier: string }[] = await m.query(
    `SELECT l.id, bo.identifier FROM malicious_default_lead l JOIN compensation c ON c.id = l.compensation_id
       JOIN guarantee g ON g.id = c.guarantee_id JOIN borrower bo ON bo.id = g.borrower_id WHERE l.id = ANY($1)`,
    [[aTransferred, aPending, bTransferred]],
  );
  return { a, b, aTransferred, aPending, bTransferred, identifiers: Object.fromEntries(rows.map((r) => [r.id, r.identifier])) };
}

/** The leads of this world the viewer sees, by id. */
async function seen(m: EntityManager, w: World, who: Viewer, status?: string): Promise<Record<string, LeadOut>> {
  const mine = new Set([w.aTransferred, w.aPending, w.bTransferred]);
  const { maliciousDefaultLeads } = ok(await gql<{ maliciousDefaultLeads: LeadOut[] }>(m, who, LEADS, status ? { status } : {}));
  return Object.fromEntries(maliciousDefaultLeads.filter((l) => mine.has(l.id)).map((l) => [l.id, l]));
}

function masked(identifier: string): string {
  return `${identifier.slice(0, 4)}${'*'.repeat(10)}${identifier.slice(-4)}`;
}

describe('maliciousDefaultLeads: who sees which lead, and how much of it', () => {
  it('the police see transferred leads only, with what they need in full', async () => {
    await inRollback(async (m) => {
      const w = await world(m);
      const leads = await seen(m, w, police);
      expect(Object.keys(leads).sort()).toEqual([w.aTransferred, w.bTransferred].sort());
      const [institution] = await m.query(`SELECT name FROM guarantee_institution WHERE id = $1`, [w.a.institutionId]);
      const [borrower] = await m.query(`SELECT name FROM borrower WHERE id = $1`, [w.a.guarantee.borrowerId]);
      expect(leads[w.aTransferred]).toEqual({
        id: w.aTransferred,
        institutionName: institution.name,
        borrowerName: borrower.name,
        borrowerIdentifier: w.identifiers[w.aTransferred],
        compensationAmount: '300000.00',
        compensationPaidOn: '2024-06-15',
        evidence: '借款人转移资产后失联',
        status: 'TRANSFERRED',
        transferredAt: expect.any(String),
        policeCaseNumber: null,
        policeNote: null,
      });
      expect(leads[w.bTransferred].borrowerIdentifier).toBe(w.identifiers[w.bTransferred]);
    });
  });

  it("an institution sees its own leads in every status, identifiers in full, and no other institution's", async () => {
    await inRollback(async (m) => {
      const w = await world(m);
      const leads = await seen(m, w, w.a.owner);
      expect(Object.keys(leads).sort()).toEqual([w.aTransferred, w.aPending].sort());
      expect(leads[w.aPending]).toMatchObject({
        status: 'PENDING_REVIEW',
        evidence: '疑似虚假诉讼',
        borrowerIdentifier: w.identifiers[w.aPending],
      });
    });
  });

  it('the financial regulator sees every lead with identifiers in full', async () => {
    await inRollback(async (m) => {
      const w = await world(m);
      const leads = await seen(m, w, viewer(Role.FINANCIAL_REGULATOR));
      expect(Object.keys(leads).sort()).toEqual([w.aTransferred, w.aPending, w.bTransferred].sort());
      for (const [id, lead] of Object.entries(leads)) expect(lead.borrowerIdentifier).toBe(w.identifiers[id]);
    });
  });

  it("the holding group sees its institutions' leads with identifiers masked", async () => {
    await inRollback(async (m) => {
      const w = await world(m);
      const leads = await seen(m, w, viewer(Role.HOLDING_GROUP));
      expect(Object.keys(leads).sort()).toEqual([w.aTransferred, w.aPending].sort());
      for (const [id, lead] of Object.entries(leads)) {
        expect(lead.borrowerIdentifier).toBe(masked(w.identifiers[id]));
        expect(lead.borrowerIdentifier).not.toBe(w.identifiers[id]);
      }
    });
  });

  it('filters by status', async () => {
    await inRollback(async (m) => {
      const w = await world(m);
      expect(Object.keys(await seen(m, w, w.a.owner, 'PENDING_REVIEW'))).toEqual([w.aPending]);
      expect(Object.keys(await seen(m, w, w.a.owner, 'TRANSFERRED'))).toEqual([w.aTransferred]);
      expect(Object.keys(await seen(m, w, police, 'PENDING_REVIEW'))).toEqual([]);
      expect(codes(await gql(m, police, LEADS, { status: 'OPEN' }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  it.each([
    Role.FINANCE,
    Role.TASK_FORCE_OFFICE,
    Role.INDUSTRY,
    Role.LOCAL_GOVERNMENT,
    Role.PBOC,
    Role.BANKING_REGULATOR,
    Role.SASAC,
    Role.BANK,
    Role.TASK_FORCE_MEMBER,
    Role.ADMIN,
  ])('is FORBIDDEN to %s', async (role) => {
    await inRollback(async (m) => {
      const result = await gql(m, viewer(role), LEADS);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeNull();
    });
  });

  it('is UNAUTHENTICATED without a viewer', async () => {
    await inRollback(async (m) => {
      expect(codes(await gql(m, null, LEADS))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('reads any number of leads in one SQL statement', async () => {
    await inRollback(async (m) => {
      const w = await world(m);
      const few = await countStatements(m, () => gql(m, viewer(Role.FINANCIAL_REGULATOR), LEADS));
      for (let i = 0; i < 6; i++) await transferred(m, await business(m));
      const many = await countStatements(m, () => gql(m, viewer(Role.FINANCIAL_REGULATOR), LEADS));
      expect(ok(many.result).maliciousDefaultLeads.length).toBeGreaterThanOrEqual(ok(few.result).maliciousDefaultLeads.length + 6);
      expect([few.statements.length, many.statements.length], many.statements.join('\n')).toEqual([1, 1]);
      expect(Object.keys(await seen(m, w, police))).toHaveLength(2);
    });
  });
});

describe('MaliciousDefaultLead is a flat projection (DESIGN.md §3: nothing reachable through a lead)', () => {
  it("has exactly the contract's fields, each a scalar or an enum", () => {
    const type = buildBareSchema().getType('MaliciousDefaultLead') as GraphQLObjectType;
    const fields = type.getFields();
    expect(Object.keys(fields).sort()).toEqual(
      [
        'id',
        'institutionName',
        'borrowerName',
        'borrowerIdentifier',
        'compensationAmount',
        'compensationPaidOn',
        'evidence',
        'status',
        'transferredAt',
        'policeCaseNumber',
        'policeNote',
      ].sort(),
    );
    for (const field of Object.values(fields)) {
      const named = getNamedType(field.type);
      expect(isScalarType(named) || isEnumType(named), `${field.name}: ${named.name}`).toBe(true);
      expect(field.args).toEqual([]);
    }
  });
});
