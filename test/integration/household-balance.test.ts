import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { Scope } from '../../src/access/scope';
import { FARMERS, SMALL_MICRO, weightedLiability, weightedLiabilityFromSums } from '../../src/modules/evaluation/evaluation.calc';
import type { InForcePath } from '../../src/modules/warning/warning.calc';
import { WarningRepo, type WeightBounds } from '../../src/modules/warning/warning.repo';
import { businessToday } from '../../src/platform/lib/dates';
import { dec } from '../../src/platform/lib/decimal';
import { createBank, createInstitution, guaranteeInput, regionId, unique, validCreditCode } from '../fixtures/business';
import { RECORD, compensationInput } from '../fixtures/compensation-fixtures';
import { CREATE_GUARANTEE, IMPORT_GUARANTEES, RELEASE_GUARANTEE } from '../fixtures/guarantee-ops';
import { csvRow, toCsv } from '../fixtures/import-csv';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { gql, ok } from '../support/graphql';
import { maintainedEqualsRecomputed, Random } from '../support/household-oracle';

/**
 * Issue 10: the open balances (household_balance, ledger_version's open totals) that every grant, import, release
 * and compensation keeps in its transaction equal a recomputation from the guarantee table, and the in-force figures
 * R17 reads from them on any date equal those of the former scan of the guarantee table (the oracle below).
 */
const TODAY = businessToday();
const KINDS = ['SMALL_ENTERPRISE', 'MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER', 'OTHER_ENTERPRISE'];
const AMOUNTS = ['300000.00', '800000.00', '1500000.00', '2500000.00', '4000000.00', '6000000.00'];
/** The policy's bounds and tighter ones: the weights depend on the bounds of the version in force, never pre-bucketed. */
const BOUNDS: WeightBounds[] = [
  { smallKinds: [...SMALL_MICRO], smallLoanAmount: '5000000.00', farmerKinds: [...FARMERS], farmerLoanAmount: '2000000.00' },
  { smallKinds: [...SMALL_MICRO], smallLoanAmount: '1500000.00', farmerKinds: [...FARMERS], farmerLoanAmount: '800000.00' },
];

/** The former households() read: every in-force guarantee per institution, borrower and kind (the oracle, not in src). */
async function oracle(m: EntityManager, ids: string[], on: string, b: WeightBounds) {
  const rows: {
    institutionId: string;
    borrowerId: string;
    borrowerKind: string;
    guaranteeKind: string;
    balance: string;
    smallAgri: string;
  }[] = await m.query(
    `SELECT g.institution_id AS "institutionId", g.borrower_id AS "borrowerId", b.kind AS "borrowerKind", g.kind AS "guaranteeKind",
              sum(g.guaranteed_amount)::text AS balance, coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0)::text AS "smallAgri"
         FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
        WHERE g.institution_id = ANY($1) AND g.start_on <= $2 AND (g.released_on IS NULL OR g.released_on > $2)
        GROUP BY g.institution_id, g.borrower_id, b.kind, g.kind`,
    [ids, on],
  );
  const w = { smallLoanAmount: b.smallLoanAmount, farmerLoanAmount: b.farmerLoanAmount, smallWeight: '0.75' };
  return ids.map((id) => {
    const mine = rows.filter((r) => r.institutionId === id);
    const perBorrower = new Map<string, string>();
    for (const h of mine)
      perBorrower.set(
        h.borrowerId,
        dec(perBorrower.get(h.borrowerId) ?? 0)
          .plus(h.balance)
          .toFixed(),
      );
    return {
      id,
      balance: mine.reduce((s, h) => s.plus(h.balance), dec(0)).toFixed(),
      smallAgri: mine.reduce((s, h) => s.plus(h.smallAgri), dec(0)).toFixed(),
      weighted: weightedLiability(mine, w).toFixed(),
      largest: [...perBorrower.values()].reduce((x, v) => (dec(v).gt(x) ? v : x), '0'),
    };
  });
}

async function maintained(m: EntityManager, ids: string[], on: string, b: WeightBounds, path: InForcePath) {
  const scope = new Scope(viewer(Role.FINANCE));
  const rows = await new WarningRepo(m).inForce(scope, ids, on, b, path);
  return ids.map((id) => {
    const f = rows.find((r) => r.institutionId === id)!;
    return {
      id,
      balance: dec(f.balance).toFixed(),
      smallAgri: dec(f.smallAgriBalance).toFixed(),
      weighted: weightedLiabilityFromSums(f.balance, f.smallWeightedBalance, '0.75').toFixed(),
      largest: dec(f.largestHousehold).toFixed(),
    };
  });
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const PATHS: InForcePath[] = ['corrections', 'scan'];
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);

describe('open balances (issue 10)', () => {
  it('after random grants, imports, releases and compensations equal a recomputation, and give the scan’s figures on any date', async () => {
    await inRollback(async (m) => {
      const random = new Random(20261202);
      const region = await regionId(m);
      const bank = await createBank(m);
      const institutions = [await createInstitution(m), await createInstitution(m)];
      const ids = institutions.map((i) => i.id);
      const borrowers = ids.map(() => Array.from({ length: 6 }, () => ({ identifier: validCreditCode(), kind: random.pick(KINDS) })));
      const open: { id: string; institution: number; startOn: string }[] = [];
      const first = addDays(TODAY, -500);
      const someDay = (from: string) => addDays(from, random.int(daysBetween(from, TODAY) + 1));

      for (let step = 0; step < 70; step++) {
        const k = random.int(ids.length);
        const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: ids[k] });
        const roll = random.next();
        if (roll < 0.45 || open.length === 0) {
          const who = random.pick(borrowers[k]);
          // Now and then a borrower is declared with another kind: its whole balance moves class.
          if (random.next() < 0.15) who.kind = random.pick(KINDS);
          const amount = random.pick(AMOUNTS);
          const startOn = someDay(first);
          const input = guaranteeInput(
            { institutionId: ids[k], bankId: bank.id, regionId: region },
            {
              borrower: { identifier: who.identifier, kind: who.kind },
              kind: random.next() < 0.2 ? random.pick(['BOND', 'OTHER_FINANCING']) : 'LOAN',
              loanAmount: amount,
              guaranteedAmount: amount,
              startOn,
              endOn: addDays(startOn, 365),
            },
          );
          const g = ok(await gql(m, owner, CREATE_GUARANTEE, { input })).createGuarantee;
          open.push({ id: g.id, institution: k, startOn });
        } else if (roll < 0.55) {
          const rows = Array.from({ length: 3 }, () => {
            const who = random.pick(borrowers[k]);
            const startOn = someDay(first);
            const amount = random.pick(AMOUNTS);
            return csvRow(bank.id, unique('I-'), {
              borrower_identifier: who.identifier,
              borrower_kind: who.kind,
              loan_amount: amount,
              guaranteed_amount: amount,
              start_on: startOn,
              end_on: addDays(startOn, 365),
            });
          });
          const r = ok(await gql(m, owner, IMPORT_GUARANTEES, { institutionId: ids[k], csv: toCsv(rows) })).importGuarantees;
          expect(r.acceptedCount).toBe(3);
          const codes = rows.map((r) => r.code);
          const got: { id: string; start_on: string }[] = await m.query(
            `SELECT id, start_on::text FROM guarantee WHERE institution_id = $1 AND code = ANY($2)`,
            [ids[k], codes],
          );
          for (const g of got) open.push({ id: g.id, institution: k, startOn: g.start_on });
        } else {
          const g = open.splice(random.int(open.length), 1)[0];
          const on = someDay(g.startOn);
          const as = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: ids[g.institution] });
          if (roll < 0.8) ok(await gql(m, as, RELEASE_GUARANTEE, { id: g.id, releasedOn: on }));
          else ok(await gql(m, as, RECORD, { input: compensationInput(g.id, { amount: '1000.00', paidOn: on }) }));
        }
      }

      await maintainedEqualsRecomputed(m, ids);
      const dates = [TODAY, addDays(TODAY, -1), addDays(first, -1), first, ...Array.from({ length: 10 }, () => someDay(first))];
      // Both ways of reading a date (the corrections to the open balances, the scan of what was in force), whichever
      // the service would choose for it.
      for (const on of dates)
        for (const b of BOUNDS) {
          const expected = await oracle(m, ids, on, b);
          for (const path of PATHS)
            expect({ on, path, figures: await maintained(m, ids, on, b, path) }).toEqual({ on, path, figures: expected });
        }
    });
  });
});

describe('warnings read in a bounded number of statements (issue 10)', () => {
  it('the same number of statements whatever the number of institutions and guarantees', async () => {
    await inRollback(async (m) => {
      const runner = m.queryRunner!;
      const original = runner.query.bind(runner);
      let statements = 0;
      runner.query = ((...args: unknown[]) => {
        statements++;
        return (original as (...a: unknown[]) => unknown)(...args);
      }) as typeof runner.query;
      const count = async (query: string, variables: Record<string, unknown>) => {
        statements = 0;
        ok(await gql(m, viewer(Role.FINANCE), query, variables));
        return statements;
      };
      const WARNINGS = `query($asOf: Date) { warnings(asOf: $asOf) { indicator level } }`;
      const LIST = `query($month: String!) { supervisionList(month: $month) { month reasons } }`;
      const month = addDays(TODAY, -40).slice(0, 7);
      const bank = await createBank(m);
      const region = await regionId(m);
      const grantFor = async () => {
        const inst = await createInstitution(m);
        const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id });
        for (let j = 0; j < 3; j++)
          ok(
            await gql(m, owner, CREATE_GUARANTEE, { input: guaranteeInput({ institutionId: inst.id, bankId: bank.id, regionId: region }) }),
          );
      };
      // At least one institution with business first: with none, the reads stop before their business statements.
      await grantFor();
      const before = [
        await count(WARNINGS, { asOf: TODAY }),
        await count(WARNINGS, { asOf: addDays(TODAY, -200) }),
        await count(LIST, { month }),
      ];
      for (let i = 0; i < 5; i++) await grantFor();
      const after = [
        await count(WARNINGS, { asOf: TODAY }),
        await count(WARNINGS, { asOf: addDays(TODAY, -200) }),
        await count(LIST, { month }),
      ];
      expect(after).toEqual(before);
      runner.query = original;
    });
  });
});
