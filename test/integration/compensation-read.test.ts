import pino from 'pino';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { Scope } from '../../src/access/scope';
import { buildContext } from '../../src/app/context';
import { CompensationResolver } from '../../src/modules/compensation/compensation.resolver';
import { CompensationRepo } from '../../src/modules/compensation/compensation.repo';
import { createGuarantee } from '../fixtures/business';
import { business, compensate, flaggedLead, type Business } from '../fixtures/compensation-fixtures';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { countStatements } from '../support/statements';
import { inRollback } from '../support/db';

const ONE = `query ($id: ID!) {
  guarantee(id: $id) {
    id status releasedOn
    compensations { id amount paidOn recoveredAmount suspectedMalicious guarantee { id code } lead { id status borrowerIdentifier } }
  }
}`;

const PAGE = `query ($institutionId: ID!) {
  guarantees(filter: { institutionId: $institutionId }, first: 100) {
    edges { node { id compensations { id amount guarantee { id } lead { id status } } } }
  }
}`;

interface Comp {
  id: string;
  amount: string;
  guarantee: { id: string; code: string };
  lead: { id: string; status: string; borrowerIdentifier: string } | null;
}

async function flaggedWorld(m: EntityManager) {
  const b = await business(m, { inHoldingGroup: true });
  const { compensationId, leadId } = await flaggedLead(m, b);
  const [{ identifier }] = await m.query(`SELECT identifier FROM borrower WHERE id = $1`, [b.guarantee.borrowerId]);
  return { b, compensationId, leadId, identifier: identifier as string };
}

describe('Guarantee.compensations and what a compensation leads to', () => {
  it("the owner reads a guarantee's compensations, their guarantee and their lead with the identifier in full", async () => {
    await inRollback(async (m) => {
      const { b, compensationId, leadId, identifier } = await flaggedWorld(m);
      await compensate(m, b, { amount: '1000.00', paidOn: '2024-07-01' });
      const { guarantee } = ok(
        await gql<{ guarantee: { status: string; releasedOn: string; compensations: Comp[] } }>(m, b.owner, ONE, { id: b.guarantee.id }),
      );
      expect(guarantee.status).toBe('COMPENSATED');
      expect(guarantee.releasedOn).toBe('2024-06-15');
      expect(guarantee.compensations.map((c) => c.amount)).toEqual(['300000.00', '1000.00']);
      expect(guarantee.compensations[0]).toMatchObject({
        id: compensationId,
        guarantee: { id: b.guarantee.id, code: b.guarantee.code },
        lead: { id: leadId, status: 'PENDING_REVIEW', borrowerIdentifier: identifier },
      });
      expect(guarantee.compensations[1].lead).toBeNull();
    });
  });

  it('the financial regulator reads the lead in full, the holding group masked', async () => {
    await inRollback(async (m) => {
      const { b, identifier } = await flaggedWorld(m);
      const regulator = ok(
        await gql<{ guarantee: { compensations: Comp[] } }>(m, viewer(Role.FINANCIAL_REGULATOR), ONE, { id: b.guarantee.id }),
      );
      expect(regulator.guarantee.compensations[0].lead?.borrowerIdentifier).toBe(identifier);
      const group = ok(await gql<{ guarantee: { compensations: Comp[] } }>(m, viewer(Role.HOLDING_GROUP), ONE, { id: b.guarantee.id }));
      expect(group.guarantee.compensations[0].lead?.borrowerIdentifier).toBe(`${identifier.slice(0, 4)}**********${identifier.slice(-4)}`);
    });
  });

  it.each([Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.INDUSTRY, Role.LOCAL_GOVERNMENT])(
    '%s reads compensations but not their lead (FORBIDDEN on the field)',
    async (role) => {
      await inRollback(async (m) => {
        const { b } = await flaggedWorld(m);
        const result = await gql<{ guarantee: { compensations: Comp[] } }>(m, viewer(role), ONE, { id: b.guarantee.id });
        expect(codes(result)).toEqual(['FORBIDDEN']);
        expect(result.errors?.[0].path).toEqual(['guarantee', 'compensations', 0, 'lead']);
        expect(result.data?.guarantee.compensations[0]).toMatchObject({ amount: '300000.00', lead: null });
      });
    },
  );

  it('the lending bank reads the compensations of its loan, without the lead; another bank sees no guarantee', async () => {
    await inRollback(async (m) => {
      const { b } = await flaggedWorld(m);
      const result = await gql<{ guarantee: { compensations: Comp[] } }>(m, viewer(Role.BANK, { bankId: b.bankId }), ONE, {
        id: b.guarantee.id,
      });
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data?.guarantee.compensations.map((c) => c.amount)).toEqual(['300000.00']);
      const other = await business(m);
      expect(ok(await gql(m, viewer(Role.BANK, { bankId: other.bankId }), ONE, { id: b.guarantee.id })).guarantee).toBeNull();
    });
  });

  it('another institution sees neither the guarantee nor its compensations', async () => {
    await inRollback(async (m) => {
      const { b } = await flaggedWorld(m);
      const stranger = await business(m);
      expect(ok(await gql(m, stranger.owner, ONE, { id: b.guarantee.id })).guarantee).toBeNull();
      const loaders = buildContext(m, stranger.owner, pino({ level: 'silent' })).loaders;
      expect(await loaders.compensationsByGuarantee.load(b.guarantee.id)).toEqual([]);
    });
  });

  it('Compensation.guarantee goes through the guarantee scope: a guarantee the viewer cannot read is NOT_FOUND, never returned', async () => {
    await inRollback(async (m) => {
      const { b, compensationId } = await flaggedWorld(m);
      const record = await new CompensationRepo(m).find(new Scope(b.owner), compensationId);
      const stranger = await business(m);
      const ctx = buildContext(m, stranger.owner, pino({ level: 'silent' }));
      await expect(new CompensationResolver().guarantee(record!, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const own = buildContext(m, b.owner, pino({ level: 'silent' }));
      expect((await new CompensationResolver().guarantee(record!, own)).id).toBe(b.guarantee.id);
    });
  });

  it('a page of guarantees reads all their compensations, guarantees and leads in a fixed number of statements', async () => {
    await inRollback(async (m) => {
      const small = await pageWith(m, 2);
      const large = await pageWith(m, 12);
      expect(large.count).toBe(12);
      expect(large.statements).toBe(small.statements);
      // The page itself, then one each for compensations, their guarantees and their leads (+ slack for the page's own).
      expect(small.statements).toBeLessThanOrEqual(6);
    });
  });
});

/** An institution with `n` compensated guarantees (each with a lead), read as one page by its owner. */
async function pageWith(m: EntityManager, n: number): Promise<{ statements: number; count: number }> {
  const b: Business = await business(m);
  for (let i = 1; i < n; i++) {
    const guarantee = await createGuarantee(m, { institutionId: b.institutionId, bankId: b.bankId });
    await flaggedLead(m, { ...b, guarantee });
  }
  await flaggedLead(m, b);
  const { result, statements } = await countStatements(m, () =>
    gql<{ guarantees: { edges: { node: { compensations: Comp[] } }[] } }>(m, b.owner, PAGE, { institutionId: b.institutionId }),
  );
  const nodes = ok(result).guarantees.edges.map((e) => e.node);
  for (const node of nodes) expect(node.compensations[0].lead).not.toBeNull();
  return { statements: statements.length, count: nodes.length };
}
