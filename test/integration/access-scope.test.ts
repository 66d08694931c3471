import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Scope, type ScopeCondition } from '../../src/access/scope';
import { buildAccessWorld, worldViewers, type AccessWorld } from '../fixtures/access-world';
import { inRollback } from '../support/db';

/**
 * src/auth/scope.ts against DESIGN.md §3, on real rows: for every department, which rows of each kind its
 * scope lets through. Every read, nested field and loader of the hub appends these conditions, so this
 * table is what each department can reach by any path through the graph.
 */
type Kind =
  | 'institutions'
  | 'banks'
  | 'agreements'
  | 'guarantees'
  | 'borrowers'
  | 'compensations'
  | 'leads'
  | 'reports'
  | 'evaluations'
  | 'claims'
  | 'capital'
  | 'aggregates';

const TABLES: Record<Kind, { table: string; label: string; condition: (s: Scope, alias: string) => ScopeCondition }> = {
  institutions: { table: 'guarantee_institution', label: 't.id::text', condition: (s, a) => s.institutions(a) },
  banks: { table: 'bank', label: 't.id::text', condition: (s, a) => s.banks(a) },
  agreements: { table: 'cooperation_agreement', label: 't.id::text', condition: (s, a) => s.agreements(a) },
  guarantees: { table: 'guarantee', label: 't.id::text', condition: (s, a) => s.guarantees(a) },
  borrowers: { table: 'borrower', label: 't.identifier', condition: (s, a) => s.borrowers(a) },
  compensations: { table: 'compensation', label: 't.id::text', condition: (s, a) => s.compensations(a) },
  leads: { table: 'malicious_default_lead', label: 't.id::text', condition: (s, a) => s.leads(a) },
  reports: { table: 'monthly_report', label: 't.institution_id::text', condition: (s, a) => s.reports(a) },
  evaluations: { table: 'performance_evaluation', label: 't.institution_id::text', condition: (s, a) => s.evaluations(a) },
  claims: { table: 'risk_compensation_claim', label: 't.institution_id::text', condition: (s, a) => s.claims(a) },
  capital: { table: 'capital_injection', label: 't.institution_id::text', condition: (s, a) => s.capitalInjections(a) },
  aggregates: {
    table: 'business_month_stats',
    label: "t.institution_id::text || '/' || t.bank_id::text",
    condition: (s, a) => s.aggregates(a),
  },
};

/** Rows of this world a viewer sees, by their names in the world (rows of other tests are ignored). */
async function visible(m: EntityManager, w: AccessWorld, scope: Scope, kind: Kind): Promise<string[]> {
  const { table, label, condition } = TABLES[kind];
  const c = condition(scope, 't');
  const [sql, params] = m.connection.driver.escapeQueryWithParameters(`SELECT ${label} AS label FROM ${table} t WHERE ${c.sql}`, c.params);
  const rows: { label: string }[] = await m.query(sql, params);
  const names = new Map(Object.entries(w).map(([name, id]) => [String(id), name]));
  const named = (label: string) =>
    label
      .split('/')
      .map((id) => names.get(id) ?? '?')
      .join('/');
  return rows
    .map((r) => named(r.label))
    .filter((n) => !n.split('/').includes('?'))
    .sort();
}

const ALL = {
  institutions: ['A1', 'B1'],
  banks: ['X', 'Y'],
  agreements: ['agreementAX', 'agreementBY'],
  guarantees: ['gAX', 'gAY', 'gBY'],
  borrowers: ['identifierA', 'identifierB'],
  compensations: ['cA', 'cB'],
  leads: ['lA', 'lB'],
  reports: ['A1', 'B1'],
  evaluations: ['A1', 'B1'],
  claims: ['A1', 'B1'],
  capital: ['A1', 'B1'],
  aggregates: ['A1/X', 'A1/Y', 'B1/Y'],
} satisfies Record<Kind, string[]>;
const NOTHING = Object.fromEntries(Object.keys(ALL).map((k) => [k, []])) as unknown as Record<Kind, string[]>;
/** Everything of institution A1 (the holding group's member, the 东昌府区 institution). */
const OF_A1 = {
  ...NOTHING,
  institutions: ['A1'],
  banks: ['X', 'Y'],
  agreements: ['agreementAX'],
  guarantees: ['gAX', 'gAY'],
  borrowers: ['identifierA'],
  compensations: ['cA'],
  reports: ['A1'],
  evaluations: ['A1'],
  claims: ['A1'],
  capital: ['A1'],
  aggregates: ['A1/X', 'A1/Y'],
};

const EXPECTED: Record<string, Record<Kind, string[]>> = {
  anonymous: NOTHING,
  admin: NOTHING,
  // "everything but leads and users"
  taskForceOffice: { ...ALL, leads: [] },
  finance: { ...ALL, leads: [] },
  // a county finance bureau: its county's institutions and their business; banks stay reference data
  countyFinanceB: {
    ...NOTHING,
    institutions: ['B1'],
    banks: ['X', 'Y'],
    agreements: ['agreementBY'],
    guarantees: ['gBY'],
    borrowers: ['identifierB'],
    compensations: ['cB'],
    reports: ['B1'],
    evaluations: ['B1'],
    claims: ['B1'],
    capital: ['B1'],
    aggregates: ['B1/Y'],
  },
  regulator: ALL,
  // banks, agreements, per-bank figures; no guarantees, hence no borrowers
  pboc: { ...NOTHING, institutions: ALL.institutions, banks: ALL.banks, agreements: ALL.agreements, aggregates: ALL.aggregates },
  bankingRegulator: {
    ...NOTHING,
    institutions: ALL.institutions,
    banks: ALL.banks,
    agreements: ALL.agreements,
    aggregates: ALL.aggregates,
  },
  // guarantees in scope and claims
  industry: { ...ALL, leads: [], reports: [], evaluations: [], capital: [] },
  // institutions, evaluations, aggregates
  sasac: {
    ...NOTHING,
    institutions: ALL.institutions,
    banks: ALL.banks,
    reports: ALL.reports,
    evaluations: ALL.evaluations,
    aggregates: ALL.aggregates,
  },
  // transferred leads only, nothing reachable from them
  police: { ...NOTHING, leads: ['lB'] },
  localGovernmentA: OF_A1,
  holdingGroup: { ...OF_A1, leads: ['lA'] },
  institutionA1: { ...OF_A1, leads: ['lA'] },
  // its agreements and loans; its partners (by agreement or by a loan) and their reports; itself
  bankY: {
    ...NOTHING,
    institutions: ['A1', 'B1'],
    banks: ['Y'],
    agreements: ['agreementBY'],
    guarantees: ['gAY', 'gBY'],
    borrowers: ['identifierB'],
    compensations: ['cB'],
    reports: ['B1'],
    aggregates: ['A1/Y', 'B1/Y'],
  },
  // aggregates and the task force
  taskForceMember: { ...NOTHING, institutions: ALL.institutions, banks: ALL.banks, aggregates: ALL.aggregates },
};

describe('row scoping by department (src/auth/scope.ts, DESIGN.md §3)', () => {
  it('lets each department read exactly its rows of every kind', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const seen: Record<string, Record<string, string[]>> = {};
      for (const [name, v] of Object.entries(worldViewers(w))) {
        seen[name] = {};
        for (const kind of Object.keys(TABLES) as Kind[]) seen[name][kind] = await visible(m, w, new Scope(v), kind);
      }
      expect(seen).toEqual(EXPECTED);
    });
  });

  it('shows borrower identifiers in full only to the owning institution, FINANCE, FINANCIAL_REGULATOR (and the police in leads)', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const full = Object.entries(worldViewers(w))
        .filter(([, v]) => new Scope(v).seesBorrowerIdentity(w.A1))
        .map(([n]) => n);
      expect(full.sort()).toEqual(['countyFinanceB', 'finance', 'institutionA1', 'regulator'].sort());
      const inLeads = Object.entries(worldViewers(w))
        .filter(([, v]) => new Scope(v).seesLeadIdentity(w.B1))
        .map(([n]) => n);
      expect(inLeads.sort()).toEqual(['countyFinanceB', 'finance', 'police', 'regulator'].sort());
    });
  });

  it('lets only the institution act for itself, and a county write only in its county', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const views = worldViewers(w);
      const actsForA1 = Object.entries(views)
        .filter(([, v]) => new Scope(v).actsFor(w.A1))
        .map(([n]) => n);
      expect(actsForA1).toEqual(['institutionA1']);
      expect(new Scope(views.institutionA1).actsFor(w.B1)).toBe(false);
      expect([new Scope(views.countyFinanceB).coversRegion(w.regionB), new Scope(views.countyFinanceB).coversRegion(w.regionA)]).toEqual([
        true,
        false,
      ]);
      expect([
        new Scope(views.finance).coversRegion(w.regionA),
        new Scope(views.localGovernmentA).coversRegion(w.regionB),
        new Scope(null).coversRegion(w.regionA),
      ]).toEqual([true, false, false]);
    });
  });
});
