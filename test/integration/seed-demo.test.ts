import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/app/data-source';
import { migrate } from '../../src/app/database';
import { applyReferenceData } from '../../src/app/reference-data';
import { Dec } from '../../src/platform/lib/decimal';
import { checkBorrowerIdentifier, checkCreditCode } from '../../src/platform/lib/identifiers';
import { AS_OF, FIRST_START } from '../../scripts/demo/demo.business';
import { SMALL_AGRI_KINDS } from '../../src/modules/guarantee/grant/grant.calc';
import { DemoDataExistsError, seedDemo, type SeedSummary } from '../../scripts/demo/demo.seed';
import { PolicyService } from '../../src/modules/policy/policy.service';
import { maintainedEqualsRecomputed } from '../support/household-oracle';
import { createScratchDatabase } from '../support/scratch';
import type pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Role } from '../../src/access/roles';
import { DASHBOARD_QUERY } from '../../bench/aggregate-queries';
import { dashboardFloor } from '../../bench/dashboard-floor';
import { viewer } from '../fixtures/viewers';
import { gql, ok } from '../support/graphql';

/**
 * seed:demo on databases of their own: the rows it writes obey the hub's rules (identifiers, R1, R5,
 * R6, R12) and its aggregates (credit used, business_month_stats) equal what the rows say. Each
 * expectation is recomputed here from the rows, independently of the generator's SQL.
 */
const GUARANTEES = 2_000;
const SEED = 7;

interface Row {
  id: string;
  code: string;
  institutionId: string;
  bankId: string;
  regionId: string;
  agreementId: string | null;
  borrowerId: string;
  borrowerKind: string;
  kind: string;
  guaranteedAmount: string;
  loanAmount: string;
  feeRate: string;
  bankRiskShare: string;
  startOn: string;
  endOn: string;
  status: string;
  releasedOn: string | null;
  smallAgri: boolean;
  compensatedAmount: string;
}

async function scratchHub(): Promise<{ ds: DataSource; drop: () => Promise<void> }> {
  const scratch = await createScratchDatabase('hub_seed_demo');
  const ds = createDataSource(scratch.url, { poolSize: 2 });
  await ds.initialize();
  await migrate(ds, pino({ level: 'silent' }));
  await applyReferenceData(ds);
  return { ds, drop: async () => (await ds.destroy(), await scratch.drop()) };
}

/** A digest of the business content (no ids): guarantees, compensations and leads, and the monthly aggregate, to compare two runs. */
async function fingerprint(ds: DataSource): Promise<string> {
  const [row] = await ds.query(
    `SELECT md5(string_agg(concat_ws('|', i.name, g.code, b.identifier, b.name, b.kind, bk.name, g.kind, g.loan_amount, g.guaranteed_amount,
              g.fee_rate, g.start_on, g.end_on, g.status, g.released_on, g.small_agri, g.re_guaranteed, g.compensated_amount,
              a.credit_line, a.used_credit, c.amount, c.paid_on, c.suspected_malicious, l.status), ',' ORDER BY i.name, g.code)) AS digest,
            (SELECT md5(string_agg(concat_ws('|', si.name, sb.name, sr.name, s.month, s.new_count, s.new_amount, s.small_agri_amount,
                    s.small_household_amount, s.fee_weighted_amount, s.released_amount, s.compensated_amount), ',' ORDER BY si.name, sb.name, sr.name, s.month))
             FROM business_month_stats s JOIN guarantee_institution si ON si.id = s.institution_id JOIN bank sb ON sb.id = s.bank_id
             JOIN region sr ON sr.id = s.region_id) AS stats
     FROM guarantee g JOIN guarantee_institution i ON i.id = g.institution_id JOIN borrower b ON b.id = g.borrower_id
     JOIN bank bk ON bk.id = g.bank_id JOIN cooperation_agreement a ON a.id = g.agreement_id
     LEFT JOIN compensation c ON c.guarantee_id = g.id LEFT JOIN malicious_default_lead l ON l.compensation_id = c.id`,
  );
  return `${row.digest}:${row.stats}`;
}

/** Every index and constraint (with its definition and whether it is validated) of the public schema. */
async function indexesAndConstraints(ds: DataSource): Promise<string[]> {
  const rows: { d: string }[] = await ds.query(
    `SELECT tablename || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL
     SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' ' || c.convalidated
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relnamespace = 'public'::regnamespace
     ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}

/** The guarantee's grant comes after `other`'s: earlier day, or the same day and an earlier business number. */
const grantedBefore = (other: Row, g: Row) => other.startOn < g.startOn || (other.startOn === g.startOn && other.code <= g.code);
/** In force on the day g is granted: started by then and not yet released (repaid or compensated). */
const inForceAtGrantOf = (other: Row, g: Row) => grantedBefore(other, g) && (other.releasedOn === null || other.releasedOn > g.startOn);

describe('seed:demo', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  let summary: SeedSummary;
  let rows: Row[];
  let schemaBefore: string[];

  beforeAll(async () => {
    ({ ds, drop } = await scratchHub());
    schemaBefore = await indexesAndConstraints(ds);
    summary = await seedDemo(ds, { guarantees: GUARANTEES, seed: SEED });
    rows = await ds.query(
      `SELECT g.id, g.code, g.institution_id AS "institutionId", g.bank_id AS "bankId", g.region_id AS "regionId", g.agreement_id AS "agreementId",
              g.borrower_id AS "borrowerId", b.kind AS "borrowerKind", g.kind, g.guaranteed_amount AS "guaranteedAmount", g.loan_amount AS "loanAmount",
              g.fee_rate AS "feeRate", g.bank_risk_share AS "bankRiskShare", g.start_on AS "startOn", g.end_on AS "endOn", g.status,
              g.released_on AS "releasedOn", g.small_agri AS "smallAgri", g.compensated_amount AS "compensatedAmount"
       FROM guarantee g JOIN borrower b ON b.id = g.borrower_id`,
    );
  });

  afterAll(async () => {
    await drop?.();
  });

  it('writes the requested numbers of institutions, banks, borrowers and guarantees', async () => {
    expect(rows).toHaveLength(GUARANTEES);
    expect(summary).toMatchObject({ institutions: 10, banks: 50, borrowers: GUARANTEES / 2.5, guarantees: GUARANTEES });
    const levels = await ds.query(`SELECT level, count(*)::int AS n FROM guarantee_institution GROUP BY level ORDER BY level`);
    expect(levels).toEqual([
      { level: 'COUNTY', n: 8 },
      { level: 'MUNICIPAL', n: 2 },
    ]);
    // Borrowers live in all 11 county-level regions (8 counties and districts, 3 development zones), not the city itself.
    const [regions] = await ds.query(
      `SELECT count(DISTINCT b.region_id)::int AS n, bool_or(r.kind = 'CITY') AS city FROM borrower b JOIN region r ON r.id = b.region_id`,
    );
    expect(regions).toEqual({ n: 11, city: false });
    // Each guarantee carries its borrower's region (region scoping reads it without a join).
    const [mismatch] = await ds.query(
      `SELECT count(*)::int AS n FROM guarantee g JOIN borrower b ON b.id = g.borrower_id WHERE g.region_id <> b.region_id`,
    );
    expect(mismatch.n).toBe(0);
  });

  it('leaves every index and constraint as the migrations made them (those set aside for the load are back, validated)', async () => {
    expect(await indexesAndConstraints(ds)).toEqual(schemaBefore);
    expect(schemaBefore.filter((d) => d.startsWith('guarantee ') && d.includes('FOREIGN KEY')).length).toBeGreaterThan(0);
  });

  it('gives every institution a valid GB 32100 credit code and every borrower a valid, correctly classified identifier', async () => {
    const institutions: { creditCode: string }[] = await ds.query(`SELECT credit_code AS "creditCode" FROM guarantee_institution`);
    for (const { creditCode } of institutions)
      expect(checkCreditCode(creditCode), creditCode).toMatchObject({ ok: true, value: creditCode });
    const borrowers: { identifier: string; identifierKind: string }[] = await ds.query(
      `SELECT identifier, identifier_kind AS "identifierKind" FROM borrower`,
    );
    const kinds = new Set<string>();
    for (const b of borrowers) {
      expect(checkBorrowerIdentifier(b.identifier), b.identifier).toEqual({ ok: true, value: b.identifier, kind: b.identifierKind });
      kinds.add(b.identifierKind);
    }
    expect(kinds).toEqual(new Set(['CREDIT_CODE', 'RESIDENT_ID']));
  });

  it('keeps amounts, rates, dates and statuses within the rules and the demo window', () => {
    for (const g of rows) {
      expect(new Dec(g.guaranteedAmount).gt(0) && new Dec(g.guaranteedAmount).lte(g.loanAmount), g.code).toBe(true);
      expect(new Dec(g.feeRate).gte('0.005') && new Dec(g.feeRate).lte('0.015'), g.code).toBe(true);
      expect(g.startOn >= FIRST_START && g.startOn <= AS_OF && g.endOn > g.startOn, g.code).toBe(true);
      expect(
        g.releasedOn === null ? g.status === 'ACTIVE' : g.status !== 'ACTIVE' && g.releasedOn > g.startOn && g.releasedOn <= AS_OF,
        g.code,
      ).toBe(true);
      // R2: no government platform is ever guaranteed.
      expect(g.borrowerKind).not.toBe('GOVERNMENT_PLATFORM');
    }
    const statuses = new Set(rows.map((g) => g.status));
    expect(statuses).toEqual(new Set(['ACTIVE', 'RELEASED', 'COMPENSATED']));
  });

  it('decides 支小支农 per R1 from the borrower in-force amount at the institution when each guarantee was granted', async () => {
    const policy = new PolicyService(ds.manager);
    let cappedOut = 0;
    for (const g of rows) {
      const inForce = rows
        .filter((h) => h.borrowerId === g.borrowerId && h.institutionId === g.institutionId && inForceAtGrantOf(h, g))
        .reduce((sum, h) => sum.add(h.guaranteedAmount), new Dec(0));
      const cap = (await policy.inForce(g.startOn)).maxHouseholdAmount;
      const eligible = SMALL_AGRI_KINDS.has(g.borrowerKind as never) && g.kind !== 'BOND';
      expect(g.smallAgri, `${g.code}: ${g.borrowerKind} ${g.kind}, ${inForce.toFixed(2)} in force`).toBe(eligible && inForce.lte(cap));
      if (eligible && !g.smallAgri) cappedOut++;
    }
    // The data exercises the cap as well as the kinds.
    expect(cappedOut).toBeGreaterThan(0);
    expect(rows.some((g) => g.kind === 'BOND')).toBe(true);
  });

  it('signs agreements with at least the minimum bank share (R5) and credit lines no grant ever exceeded (R6)', async () => {
    const agreements: { id: string; share: string; signedOn: string; creditLine: string; usedCredit: string }[] = await ds.query(
      `SELECT id, bank_risk_share AS share, signed_on AS "signedOn", credit_line AS "creditLine", used_credit AS "usedCredit" FROM cooperation_agreement`,
    );
    const policy = new PolicyService(ds.manager);
    const byId = new Map(agreements.map((a) => [a.id, a]));
    for (const a of agreements) expect(new Dec(a.share).gte((await policy.inForce(a.signedOn)).minBankRiskShare), a.id).toBe(true);
    for (const g of rows) {
      const a = byId.get(g.agreementId!)!;
      expect(g.bankRiskShare).toBe(a.share);
      const inForce = rows
        .filter((h) => h.agreementId === g.agreementId && inForceAtGrantOf(h, g))
        .reduce((s, h) => s.add(h.guaranteedAmount), new Dec(0));
      expect(inForce.lte(a.creditLine), `${g.code}: ${inForce.toFixed(2)} > ${a.creditLine}`).toBe(true);
    }
    // used_credit is the amount in force now, per agreement.
    for (const a of agreements) {
      const active = rows
        .filter((g) => g.agreementId === a.id && g.status === 'ACTIVE')
        .reduce((s, g) => s.add(g.guaranteedAmount), new Dec(0));
      expect(a.usedCredit, a.id).toBe(active.toFixed(2));
    }
  });

  it('pays one compensation per compensated guarantee and opens a lead for each suspected one (R12)', async () => {
    const comps: { guaranteeId: string; institutionId: string; amount: string; paidOn: string; suspected: boolean; lead: string | null }[] =
      await ds.query(
        `SELECT c.guarantee_id AS "guaranteeId", c.institution_id AS "institutionId", c.amount, c.paid_on AS "paidOn", c.suspected_malicious AS suspected, l.status AS lead
       FROM compensation c LEFT JOIN malicious_default_lead l ON l.compensation_id = c.id`,
      );
    const compensated = rows.filter((g) => g.status === 'COMPENSATED');
    expect(comps.map((c) => c.guaranteeId).sort()).toEqual(compensated.map((g) => g.id).sort());
    for (const c of comps) {
      const g = compensated.find((x) => x.id === c.guaranteeId)!;
      expect([c.institutionId, c.amount, c.paidOn]).toEqual([g.institutionId, g.compensatedAmount, g.releasedOn]);
      expect(new Dec(c.amount).gt(0) && new Dec(c.amount).lte(g.guaranteedAmount)).toBe(true);
      expect(c.lead).toBe(c.suspected ? 'PENDING_REVIEW' : null);
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM malicious_default_lead`);
    expect(n).toBe(comps.filter((c) => c.suspected).length);
  });

  it('leaves business_month_stats equal to sums over the guarantee and compensation rows', async () => {
    const policy = new PolicyService(ds.manager);
    const zero = () => ({
      newCount: 0,
      newAmount: new Dec(0),
      smallAgriCount: 0,
      smallAgriAmount: new Dec(0),
      smallHouseholdAmount: new Dec(0),
      feeWeighted: new Dec(0),
      feeRateSum: new Dec(0),
      released: new Dec(0),
      compensated: new Dec(0),
    });
    const expected = new Map<string, ReturnType<typeof zero>>();
    const cell = (g: Row, day: string) => {
      const key = [g.institutionId, g.bankId, g.regionId, `${day.slice(0, 7)}-01`].join(' ');
      if (!expected.has(key)) expected.set(key, zero());
      return expected.get(key)!;
    };
    for (const g of rows) {
      const c = cell(g, g.startOn);
      c.newCount++;
      c.newAmount = c.newAmount.add(g.guaranteedAmount);
      c.feeWeighted = c.feeWeighted.add(new Dec(g.guaranteedAmount).mul(g.feeRate));
      c.feeRateSum = c.feeRateSum.add(g.feeRate);
      if (g.smallAgri) {
        c.smallAgriCount++;
        c.smallAgriAmount = c.smallAgriAmount.add(g.guaranteedAmount);
        // R3's national rule: 支小支农 with a single-household in-force amount ≤ 5,000,000.
        const inForce = rows
          .filter((h) => h.borrowerId === g.borrowerId && h.institutionId === g.institutionId && inForceAtGrantOf(h, g))
          .reduce((s, h) => s.add(h.guaranteedAmount), new Dec(0));
        if (inForce.lte((await policy.inForce(g.startOn)).smallHouseholdAmount))
          c.smallHouseholdAmount = c.smallHouseholdAmount.add(g.guaranteedAmount);
      }
      if (g.releasedOn) cell(g, g.releasedOn).released = cell(g, g.releasedOn).released.add(g.guaranteedAmount);
      if (g.status === 'COMPENSATED') cell(g, g.releasedOn!).compensated = cell(g, g.releasedOn!).compensated.add(g.compensatedAmount);
    }
    const stats: Record<string, string | number>[] = await ds.query(
      `SELECT concat_ws(' ', institution_id, bank_id, region_id, month) AS key, new_count, new_amount, small_agri_count, small_agri_amount,
              small_household_amount, fee_weighted_amount, fee_rate_sum, released_amount, compensated_amount FROM business_month_stats`,
    );
    expect(stats.map((s) => s.key).sort()).toEqual([...expected.keys()].sort());
    for (const s of stats) {
      const e = expected.get(String(s.key))!;
      expect(
        [
          s.new_count,
          s.new_amount,
          s.small_agri_count,
          s.small_agri_amount,
          s.small_household_amount,
          s.fee_weighted_amount,
          s.fee_rate_sum,
          s.released_amount,
          s.compensated_amount,
        ],
        String(s.key),
      ).toEqual([
        e.newCount,
        e.newAmount.toFixed(2),
        e.smallAgriCount,
        e.smallAgriAmount.toFixed(2),
        e.smallHouseholdAmount.toFixed(2),
        e.feeWeighted.toFixed(8),
        e.feeRateSum.toFixed(6),
        e.released.toFixed(2),
        e.compensated.toFixed(2),
      ]);
    }
    // The mix is the policy's: 支小支农 well above R3's 80% of new business by amount, R4's weighted fee rate under 1%.
    expect(new Dec(summary.smallAgriShare).gte('0.8')).toBe(true);
    expect(new Dec(summary.averageFeeRate).lt('0.01')).toBe(true);
  });

  it('leaves the open balances R17 reads (household_balance, ledger_version) as the write paths would have', async () => {
    const institutions: { id: string }[] = await ds.query(`SELECT id FROM guarantee_institution`);
    await maintainedEqualsRecomputed(
      ds.manager,
      institutions.map((i) => i.id),
    );
  });

  it("gives the dashboards from its monthly aggregate the figures the guarantee rows give (npm run bench's floor)", async () => {
    const pool = (ds.driver as PostgresDriver).master as pg.Pool;
    const [county] = await ds.query(`SELECT id FROM region WHERE code = '371502'`);
    for (const year of ['2023', '2024', '2025', '2026']) {
      const filter = { from: `${year}-01-01`, to: `${year}-12-31` };
      for (const [who, scopeRegionId] of [
        [viewer(Role.FINANCE), null],
        [viewer(Role.LOCAL_GOVERNMENT, { regionId: county.id }), county.id],
      ] as const) {
        const { targets, ...hub } = ok(await gql(ds.manager, who, DASHBOARD_QUERY, { filter })).dashboard;
        expect(targets).toBeTruthy();
        const floor = JSON.parse(await dashboardFloor(pool, { filter, scopeRegionId })).data.dashboard;
        expect(JSON.parse(JSON.stringify(hub)), `${year}, ${who.role}`).toEqual(floor);
        expect(floor.total.newCount, `${year}, ${who.role}`).toBeGreaterThan(0);
      }
    }
  });

  it('refuses to seed a hub that already holds business, and changes nothing', async () => {
    const before = await fingerprint(ds);
    await expect(seedDemo(ds, { guarantees: 10, seed: 1 })).rejects.toBeInstanceOf(DemoDataExistsError);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM guarantee`);
    expect(n).toBe(GUARANTEES);
    expect(await fingerprint(ds)).toBe(before);
  });

  it('writes the same business for the same seed, and other business for another', async () => {
    const again = await scratchHub();
    const other = await scratchHub();
    try {
      await seedDemo(again.ds, { guarantees: GUARANTEES, seed: SEED });
      await seedDemo(other.ds, { guarantees: GUARANTEES, seed: SEED + 1 });
      expect(await fingerprint(again.ds)).toBe(await fingerprint(ds));
      expect(await fingerprint(other.ds)).not.toBe(await fingerprint(ds));
    } finally {
      await again.drop();
      await other.drop();
    }
  });

  it('rejects a count or seed out of range before touching the database', async () => {
    await expect(seedDemo(ds, { guarantees: 0, seed: 1 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedDemo(ds, { guarantees: 1.5, seed: 1 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedDemo(ds, { guarantees: 10, seed: -1 })).rejects.toBeInstanceOf(RangeError);
  });
});
