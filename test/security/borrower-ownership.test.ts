import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { createBank, createInstitution, guaranteeInput, regionId, unique, validCreditCode } from '../fixtures/business';
import { CREATE_GUARANTEE, IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { LEADS } from '../fixtures/lead-operations';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

// Attack (issue 8, item 4): institution B writes guarantees naming institution A's borrower identifier under
// another name, kind and region, to rewrite what A's records show or to learn that the borrower is A's.
// DESIGN.md §6 "Ownership": a guarantee keeps its borrower as its institution declared it; no institution's
// write changes what another's records show; no answer tells an institution whether a borrower is another's.

const BORROWER = 'borrower { id name identifier kind region { code } }';
const ONE = `query ($id: ID!) { guarantee(id: $id) { id smallAgri ${BORROWER} } }`;
const PAGE = `query ($filter: GuaranteeFilter) { guarantees(filter: $filter, first: 50) { edges { node { id institution { id } ${BORROWER} } } } }`;
const RECORD_COMPENSATION = `mutation ($input: CompensationInput!) { recordCompensation(input: $input) { id } }`;

async function twoInstitutions(m: EntityManager) {
  const [a, b] = [await createInstitution(m), await createInstitution(m)];
  const bank = await createBank(m);
  const [regionA, regionB] = [await regionId(m, '371522'), await regionId(m, '371502')];
  const asA = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: a.id });
  const asB = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: b.id });
  const grant = async (as: typeof asA, institutionId: string, region: string, overrides: Parameters<typeof guaranteeInput>[1]) =>
    ok(await gql(m, as, CREATE_GUARANTEE, { input: guaranteeInput({ institutionId, bankId: bank.id, regionId: region }, overrides) }))
      .createGuarantee;
  return { a, b, bank, regionA, regionB, asA, asB, grant };
}

/** Everything A and the city read about A's guarantee: the single read, the joined page, as A and as FINANCE. */
async function whatIsReadOf(m: EntityManager, guaranteeId: string, institutionId: string) {
  const readers = [viewer(Role.GUARANTEE_INSTITUTION, { institutionId }), viewer(Role.FINANCE), viewer(Role.FINANCIAL_REGULATOR)];
  const out = [];
  for (const r of readers) {
    out.push(ok(await gql(m, r, ONE, { id: guaranteeId })).guarantee);
    const page = ok(await gql(m, r, PAGE, { filter: { institutionId } })).guarantees.edges.map((e: { node: unknown }) => e.node);
    out.push(page);
  }
  return out;
}

describe("another institution's write never touches an institution's borrower", () => {
  it('B granting and importing with A’s borrower identifier under another name, kind and region changes nothing A or the city reads', async () => {
    await inRollback(async (m) => {
      const { a, b, bank, regionA, regionB, asA, asB, grant } = await twoInstitutions(m);
      const identifier = validCreditCode('371522');
      const declaredByA = { identifier, name: '莘县丰收农民专业合作社', kind: 'FARMER_COOPERATIVE' };
      const gA = await grant(asA, a.id, regionA, { borrower: declaredByA });
      const before = await whatIsReadOf(m, gA.id, a.id);
      expect(before[0].borrower).toEqual({ id: gA.borrower.id, ...declaredByA, region: { code: '371522' } });

      // B, one guarantee at a time and by a batch file, spelling the identifier in lower case too.
      const gB = await grant(asB, b.id, regionB, {
        borrower: { identifier: identifier.toLowerCase(), name: '冒名顶替有限公司', kind: 'OTHER_ENTERPRISE' },
      });
      const csv = toCsv([
        csvRow(bank.id, unique('B-'), {
          borrower_identifier: identifier,
          borrower_name: '再次冒名公司',
          borrower_kind: 'SMALL_ENTERPRISE',
        }),
      ]);
      expect(ok(await gql(m, asB, IMPORT_GUARANTEES, { institutionId: b.id, csv })).importGuarantees.acceptedCount).toBe(1);

      expect(await whatIsReadOf(m, gA.id, a.id)).toEqual(before);
      // B's guarantee shows B's own declaration (its latest), under an id that is B's alone.
      const [ownB] = (await gql(m, asB, PAGE, { filter: { institutionId: b.id } })).data!.guarantees.edges;
      expect(ownB.node.borrower).toMatchObject({ id: gB.borrower.id, name: '再次冒名公司', kind: 'SMALL_ENTERPRISE' });
      expect(gB.borrower.id).not.toBe(gA.borrower.id);
    });
  });

  it('the answers B gets for A’s borrower are those for a borrower nobody has: a fresh id, no error, no trace of A', async () => {
    await inRollback(async (m) => {
      const { a, b, regionA, regionB, asA, asB, grant } = await twoInstitutions(m);
      const known = validCreditCode('371522');
      const gA = await grant(asA, a.id, regionA, { borrower: { identifier: known, name: '甲公司', kind: 'SMALL_ENTERPRISE' } });
      const declare = (identifier: string) => ({ borrower: { identifier, name: '乙方客户', kind: 'SMALL_ENTERPRISE' } });
      const forKnown = await gql(m, asB, CREATE_GUARANTEE, {
        input: guaranteeInput({ institutionId: b.id, bankId: gA.bank.id, regionId: regionB }, declare(known)),
      });
      const fresh = validCreditCode('371522');
      const forFresh = await gql(m, asB, CREATE_GUARANTEE, {
        input: guaranteeInput({ institutionId: b.id, bankId: gA.bank.id, regionId: regionB }, declare(fresh)),
      });
      const shape = (r: typeof forKnown) => {
        const g = ok(r).createGuarantee;
        return { ...g, id: '*', code: '*', borrower: { ...g.borrower, id: '*', identifier: '*' } };
      };
      expect(shape(forKnown)).toEqual(shape(forFresh));
      const idB = ok(forKnown).createGuarantee.borrower.id;
      // The id B got names no row of any other institution, and A's id names nothing B can reach.
      expect(await m.query(`SELECT institution_id FROM borrower WHERE id = $1`, [idB])).toEqual([{ institution_id: b.id }]);
      expect(ok(await gql(m, asB, ONE, { id: gA.id })).guarantee).toBeNull();
    });
  });

  it('keeps A’s declaration in A’s leads, for the financial regulator too', async () => {
    await inRollback(async (m) => {
      const { a, b, regionA, regionB, asA, grant } = await twoInstitutions(m);
      const identifier = validCreditCode('371522');
      const gA = await grant(asA, a.id, regionA, { borrower: { identifier, name: '甲方认定的名称', kind: 'FARMER_COOPERATIVE' } });
      ok(
        await gql(m, asA, RECORD_COMPENSATION, {
          input: { guaranteeId: gA.id, amount: '300000.00', paidOn: '2024-06-15', suspectedMalicious: true, evidence: '拒不配合追偿' },
        }),
      );
      const asB = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: b.id });
      await grant(asB, b.id, regionB, { borrower: { identifier, name: '乙方改写的名称', kind: 'OTHER_ENTERPRISE' } });
      for (const reader of [asA, viewer(Role.FINANCIAL_REGULATOR)]) {
        const leads = ok(await gql(m, reader, LEADS, {})).maliciousDefaultLeads.filter(
          (l: { institutionName: string }) => l.institutionName === a.name,
        );
        expect(leads.map((l: { borrowerName: string }) => l.borrowerName)).toEqual(['甲方认定的名称']);
      }
    });
  });
});

describe('one borrower across institutions', () => {
  it('R1 counts the household at each institution on its own, and the city sees one identifier under both institutions', async () => {
    await inRollback(async (m) => {
      const { a, b, regionA, asA, asB, grant } = await twoInstitutions(m);
      const identifier = validCreditCode('371522');
      const as = (name: string) => ({ identifier, name, kind: 'FARMER_COOPERATIVE' });
      const money = (amount: string) => ({ loanAmount: amount, guaranteedAmount: amount });
      expect((await grant(asA, a.id, regionA, { borrower: as('甲'), ...money('9000000.00') })).smallAgri).toBe(true);
      // B's household amount starts from B's own business: 9,000,000 at A does not count here.
      expect((await grant(asB, b.id, regionA, { borrower: as('乙'), ...money('9000000.00') })).smallAgri).toBe(true);
      // A's own cap: 1,000,000 more reaches exactly 10,000,000 (included); 0.01 more passes it. B's 9,000,000 never counts.
      expect((await grant(asA, a.id, regionA, { borrower: as('甲'), ...money('1000000.00') })).smallAgri).toBe(true);
      expect((await grant(asA, a.id, regionA, { borrower: as('甲'), ...money('0.01') })).smallAgri).toBe(false);
      expect((await grant(asB, b.id, regionA, { borrower: as('乙'), ...money('1000000.00') })).smallAgri).toBe(true);

      // The city reads the identifier in full at both institutions: one borrower, each institution's declaration.
      const seen = new Map<string, Set<string>>();
      for (const institutionId of [a.id, b.id]) {
        const page = ok(await gql(m, viewer(Role.FINANCE), PAGE, { filter: { institutionId } })).guarantees.edges as {
          node: { institution: { id: string }; borrower: { identifier: string; name: string } };
        }[];
        for (const { node } of page.filter((e) => e.node.borrower.identifier === identifier))
          seen.set(node.institution.id, (seen.get(node.institution.id) ?? new Set()).add(node.borrower.name));
      }
      expect(Object.fromEntries([...seen].map(([k, v]) => [k, [...v]]))).toEqual({ [a.id]: ['甲'], [b.id]: ['乙'] });
      // …and so does its SQL, by the shared identity key.
      expect(
        await m.query(
          `SELECT identifier, count(DISTINCT institution_id)::int AS institutions FROM borrower WHERE identifier = $1 GROUP BY 1`,
          [identifier],
        ),
      ).toEqual([{ identifier, institutions: 2 }]);
    });
  });

  it('the database refuses a guarantee pointing at another institution’s borrower row', async () => {
    await inRollback(async (m) => {
      const { a, b, bank, regionA, asA, grant } = await twoInstitutions(m);
      const gA = await grant(asA, a.id, regionA, {});
      await m.query('SAVEPOINT cross_institution');
      await expect(
        m.query(
          `INSERT INTO guarantee (code, institution_id, bank_id, borrower_id, region_id, kind, loan_amount, guaranteed_amount, fee_rate,
                                  bank_risk_share, start_on, end_on, small_agri)
           VALUES ('X-1', $1, $2, $3, $4, 'LOAN', 100, 100, 0.01, 0, '2024-03-01', '2025-02-28', false)`,
          [b.id, bank.id, gA.borrower.id, regionA],
        ),
      ).rejects.toMatchObject({ code: '23503' });
      await m.query('ROLLBACK TO SAVEPOINT cross_institution');
      expect(codes(await gql(m, asA, ONE, { id: gA.id }))).toEqual([]);
    });
  });
});
