import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { buildAccessWorld, worldViewers, type AccessWorld } from '../fixtures/access-world';
import { guaranteeInput, validCreditCode } from '../fixtures/business';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';
import { missingOperations } from '../support/operations';

/**
 * Another county's or another institution's rows behave as missing, for reads and for writes
 * (DESIGN.md §3; STYLE.md: existence does not leak). Built on the two-county world of access-world.ts.
 */

const GUARANTEE = `query($id: ID!) { guarantee(id: $id) { id institution { id } bank { id } } }`;
const GUARANTEES = `{ guarantees(first: 200) { edges { node { id } } } }`;
const INSTITUTION = `query($id: ID!) { institution(id: $id) { id } }`;

/** The ids of this world's rows among those a list returned. */
function ours(w: AccessWorld, ids: string[]): string[] {
  const names = new Map(Object.entries(w).map(([k, v]) => [String(v), k]));
  return ids
    .filter((id) => names.has(id))
    .map((id) => names.get(id)!)
    .sort();
}

async function statusOf(m: EntityManager, table: string, id: string): Promise<string> {
  const [row] = await m.query(`SELECT status FROM ${table} WHERE id = $1`, [id]);
  return row.status;
}

// A missing operation fails here (and in the tests that use it), never skips them.
it('exercises operations the schema has', () => {
  expect(
    missingOperations([
      'Mutation.createGuarantee',
      'Mutation.createInstitution',
      'Mutation.importGuarantees',
      'Mutation.recordCompensation',
      'Mutation.releaseGuarantee',
      'Mutation.reviewLead',
      'Mutation.signCooperationAgreement',
      'Query.cooperationAgreements',
      'Query.guarantee',
    ]),
  ).toEqual([]);
});

describe('reads across regions and institutions', () => {
  it("a county finance bureau sees its county only: the other county's institution and guarantees are missing", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const county = worldViewers(w).countyFinanceB;
      expect(ok(await gql(m, county, INSTITUTION, { id: w.A1 })).institution).toBeNull();
      expect(ok(await gql(m, county, INSTITUTION, { id: w.B1 })).institution).toEqual({ id: w.B1 });
      const { institutions } = ok(await gql(m, county, '{ institutions { id } }'));
      expect(
        ours(
          w,
          institutions.map((i: any) => i.id),
        ),
      ).toEqual(['B1']);
      expect(ok(await gql(m, county, GUARANTEE, { id: w.gAX })).guarantee).toBeNull();
      const { guarantees } = ok(await gql(m, county, GUARANTEES));
      expect(
        ours(
          w,
          guarantees.edges.map((e: any) => e.node.id),
        ),
      ).toEqual(['gBY']);
      const { cooperationAgreements } = ok(await gql(m, county, '{ cooperationAgreements { id } }'));
      expect(
        ours(
          w,
          cooperationAgreements.map((a: any) => a.id),
        ),
      ).toEqual(['agreementBY']);
    });
  });

  it("an institution sees its own guarantees; another institution's are missing", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const a1 = worldViewers(w).institutionA1;
      expect(ok(await gql(m, a1, GUARANTEE, { id: w.gBY })).guarantee).toBeNull();
      expect(ok(await gql(m, a1, INSTITUTION, { id: w.B1 })).institution).toBeNull();
      const { guarantees } = ok(await gql(m, a1, GUARANTEES));
      expect(
        ours(
          w,
          guarantees.edges.map((e: any) => e.node.id),
        ),
      ).toEqual(['gAX', 'gAY']);
    });
  });

  it("a bank sees its own loans and their institutions, even without an agreement; other banks' loans are missing", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const bankY = worldViewers(w).bankY;
      const { guarantees } = ok(await gql(m, bankY, GUARANTEES));
      expect(
        ours(
          w,
          guarantees.edges.map((e: any) => e.node.id),
        ),
      ).toEqual(['gAY', 'gBY']);
      expect(ok(await gql(m, bankY, GUARANTEE, { id: w.gAY })).guarantee).toEqual({
        id: w.gAY,
        institution: { id: w.A1 },
        bank: { id: w.Y },
      });
      expect(ok(await gql(m, bankY, GUARANTEE, { id: w.gAX })).guarantee).toBeNull();
      const { banks } = ok(await gql(m, bankY, '{ banks { id } }'));
      expect(banks).toEqual([{ id: w.Y }]);
    });
  });
});

describe('writes across regions and institutions', () => {
  it('an institution cannot release, compensate or import for another institution: NOT_FOUND, nothing written', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const a1 = worldViewers(w).institutionA1;
      await m.query(`UPDATE guarantee SET status = 'ACTIVE', released_on = NULL WHERE id = $1`, [w.gBY]);
      const release = await gql(m, a1, `mutation($id: ID!) { releaseGuarantee(id: $id, releasedOn: "2024-09-01") { id } }`, {
        id: w.gBY,
      });
      expect(codes(release)).toEqual(['NOT_FOUND']);
      expect(await statusOf(m, 'guarantee', w.gBY)).toBe('ACTIVE');
      const comp = await gql(m, a1, `mutation($i: CompensationInput!) { recordCompensation(input: $i) { id } }`, {
        i: { guaranteeId: w.gBY, amount: '1000.00', paidOn: '2024-09-01', suspectedMalicious: false },
      });
      expect(codes(comp)).toEqual(['NOT_FOUND']);
      const create = await gql(m, a1, `mutation($i: GuaranteeInput!) { createGuarantee(input: $i) { id } }`, {
        i: guaranteeInput({ institutionId: w.B1, bankId: w.Y, regionId: w.regionB }),
      });
      expect(codes(create)).toEqual(['NOT_FOUND']);
      const imported = await gql(
        m,
        a1,
        `mutation($id: ID!, $csv: String!) { importGuarantees(institutionId: $id, csv: $csv) { acceptedCount } }`,
        { id: w.B1, csv: 'code\n' },
      );
      expect(codes(imported)).toEqual(['NOT_FOUND']);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM guarantee WHERE institution_id = $1`, [w.B1]);
      expect(n).toBe(1);
    });
  });

  it("an institution cannot review another's lead, nor the police update one not transferred to them", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const views = worldViewers(w);
      await m.query(`UPDATE malicious_default_lead SET status = 'PENDING_REVIEW', transferred_at = NULL WHERE id = $1`, [w.lB]);
      expect(
        codes(await gql(m, views.institutionA1, `mutation($id: ID!) { reviewLead(id: $id, decision: CONFIRM) { id } }`, { id: w.lB })),
      ).toEqual(['NOT_FOUND']);
      expect(await statusOf(m, 'malicious_default_lead', w.lB)).toBe('PENDING_REVIEW');
      expect(
        codes(
          await gql(m, views.police, `mutation($id: ID!) { updateLeadInvestigation(id: $id, status: INVESTIGATING) { id } }`, {
            id: w.lA,
          }),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(await statusOf(m, 'malicious_default_lead', w.lA)).toBe('PENDING_REVIEW');
    });
  });

  it('an institution cannot sign an agreement for another institution', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const r = await gql(
        m,
        worldViewers(w).institutionA1,
        `mutation($i: CooperationAgreementInput!) { signCooperationAgreement(input: $i) { id } }`,
        {
          i: {
            institutionId: w.B1,
            bankId: w.X,
            bankRiskShare: '0.30',
            creditLine: '1000000.00',
            batchMode: false,
            signedOn: '2024-01-01',
          },
        },
      );
      expect(codes(r)).toEqual(['NOT_FOUND']);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM cooperation_agreement WHERE institution_id = $1 AND bank_id = $2`, [
        w.B1,
        w.X,
      ]);
      expect(n).toBe(0);
    });
  });

  it('a county finance bureau cannot record an institution in another county', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const input = {
        name: '跨区担保公司',
        creditCode: validCreditCode(),
        level: 'COUNTY',
        regionId: w.regionA,
        registeredCapital: '1.00',
        paidInCapital: '1.00',
        netAssets: '1.00',
      };
      const r = await gql(m, worldViewers(w).countyFinanceB, `mutation($i: InstitutionInput!) { createInstitution(input: $i) { id } }`, {
        i: input,
      });
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(await m.query(`SELECT 1 FROM guarantee_institution WHERE name = '跨区担保公司'`)).toEqual([]);
    });
  });
});
