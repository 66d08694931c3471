import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergeRules, MODULE_RULES } from '../../src/app/permissions';
import { ALL_ROLES, Role } from '../../src/access/roles';
import { buildBareSchema } from '../../src/app/schema';
import { buildAccessWorld, worldViewers } from '../fixtures/access-world';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';
import { missingOperations } from '../support/operations';

/**
 * "No path through the graph reaches what the role may not see" (DESIGN.md §3), checked twice: statically,
 * by walking the schema from the root fields through every field the shield lets the role resolve; and on
 * rows, by querying as the police and the regulators the way their systems would.
 */
const schema = buildBareSchema();
const rules = mergeRules(MODULE_RULES) as Record<string, any>;
const options = { debug: false, allowExternalErrors: true, hashFunction: JSON.stringify };

async function allowed(role: Role, type: string, field: string): Promise<boolean> {
  const typeRule = rules[type];
  const rule = typeRule && Object.getPrototypeOf(typeRule) === Object.prototype ? (typeRule[field] ?? typeRule['*']) : typeRule;
  if (!rule) return false; // the deny fallback
  return (await rule.resolve(undefined, {}, { viewer: viewer(role), _shield: { cache: {} } }, { fieldName: field }, options)) === true;
}

/** Object types a role can get data of, following only fields the shield lets it resolve. */
async function reachable(role: Role): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue: GraphQLObjectType[] = [schema.getQueryType()!, schema.getMutationType()!];
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || seen.has(target.name)) continue;
      if (!(await allowed(role, type.name, field.name))) continue;
      seen.add(target.name);
      queue.push(target);
    }
  }
  return seen;
}

const IDENTITY_TYPES = ['Borrower', 'Guarantee', 'GuaranteeConnection', 'Compensation'];

// A missing operation fails here (and in the tests that use it), never skips them.
it('exercises operations the schema has', () => {
  expect(missingOperations(['Query.cooperationAgreements', 'Query.guarantee', 'Query.guarantees', 'Query.maliciousDefaultLeads'])).toEqual(
    [],
  );
});

describe('what each role can reach through the schema (static)', () => {
  it('the police reach transferred leads and reference data only — nothing onward from a lead', async () => {
    const types = await reachable(Role.PUBLIC_SECURITY);
    expect([...types].sort()).toEqual(['AuthPayload', 'MaliciousDefaultLead', 'Region', 'Viewer']);
    const lead = schema.getType('MaliciousDefaultLead') as GraphQLObjectType;
    expect(
      Object.values(lead.getFields())
        .filter((f) => isObjectType(getNamedType(f.type)))
        .map((f) => f.name),
    ).toEqual([]);
  });

  it.each([Role.PBOC, Role.BANKING_REGULATOR])('%s never reaches a borrower, a guarantee, a compensation or a lead', async (role) => {
    const types = await reachable(role);
    expect([...IDENTITY_TYPES, 'MaliciousDefaultLead', 'User', 'AuditLogEntry'].filter((t) => types.has(t))).toEqual([]);
    expect(types.has('CooperationAgreement')).toBe(true);
  });

  it('the task-force office never reaches a lead (everything but leads and users), even through a compensation', async () => {
    const types = await reachable(Role.TASK_FORCE_OFFICE);
    expect(['MaliciousDefaultLead', 'User', 'AuditLogEntry'].filter((t) => types.has(t))).toEqual([]);
    expect(types.has('Compensation')).toBe(true);
  });

  it('SASAC, task-force members and the operator never reach borrower data or leads', async () => {
    for (const role of [Role.SASAC, Role.TASK_FORCE_MEMBER, Role.ADMIN]) {
      const types = await reachable(role);
      expect(
        [...IDENTITY_TYPES, 'MaliciousDefaultLead'].filter((t) => types.has(t)),
        role,
      ).toEqual([]);
    }
    const admin = await reachable(Role.ADMIN);
    expect(['GuaranteeInstitution', 'Bank', 'CooperationAgreement'].filter((t) => admin.has(t))).toEqual([]);
  });

  it('only ADMIN and FINANCIAL_REGULATOR reach the audit log', async () => {
    const readers = [];
    for (const role of ALL_ROLES) if ((await reachable(role)).has('AuditLogEntry')) readers.push(role);
    expect(readers).toEqual([Role.ADMIN, Role.FINANCIAL_REGULATOR]);
  });
});

const LEADS = `{ maliciousDefaultLeads { id institutionName borrowerName borrowerIdentifier compensationAmount compensationPaidOn evidence status } }`;

describe('the police through the graph (on rows)', () => {
  it('see the transferred lead with the borrower in full, and not the one still under review', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const { maliciousDefaultLeads } = ok(await gql(m, worldViewers(w).police, LEADS));
      const ours = maliciousDefaultLeads.filter((l: any) => [w.lA, w.lB].includes(l.id));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toMatchObject({
        id: w.lB,
        borrowerName: w.borrowerNameB,
        borrowerIdentifier: w.identifierB,
        compensationAmount: '100000.00',
        status: 'TRANSFERRED',
      });
    });
  });

  it('cannot go on to the guarantee, the institution, the bank or the agreements behind a lead', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const police = worldViewers(w).police;
      const attempts = [
        [`query($id: ID!) { guarantee(id: $id) { id } }`, { id: w.gBY }],
        [`query($id: ID!) { institution(id: $id) { name } }`, { id: w.B1 }],
        [`{ institutions { id } }`, {}],
        [`{ banks { id } }`, {}],
        [`{ cooperationAgreements { id } }`, {}],
        [`{ guarantees { totalCount } }`, {}],
      ] as const;
      for (const [query, vars] of attempts) {
        const r = await gql(m, police, query, vars);
        expect([codes(r), JSON.stringify(r.data ?? {})], query).toEqual([['FORBIDDEN'], expect.not.stringContaining(w.B1)]);
      }
    });
  });
});

describe('the regulators and roles without identity rights through the graph (on rows)', () => {
  it('PBOC and the banking regulator read agreements, their institutions and banks, and no borrower identity', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      for (const v of [worldViewers(w).pboc, worldViewers(w).bankingRegulator]) {
        const result = ok(
          await gql(
            m,
            v,
            `{ cooperationAgreements { id bankRiskShare creditLine usedCredit institution { name creditCode region { code } } bank { name } } }`,
          ),
        );
        const ids = result.cooperationAgreements.map((a: any) => a.id);
        expect(ids).toEqual(expect.arrayContaining([w.agreementAX, w.agreementBY]));
        const text = JSON.stringify(result);
        for (const secret of [w.identifierA, w.identifierB, w.borrowerNameB]) expect(text).not.toContain(secret);
        expect(codes(await gql(m, v, `query($id: ID!) { guarantee(id: $id) { borrower { identifier } } }`, { id: w.gAX }))).toEqual([
          'FORBIDDEN',
        ]);
      }
    });
  });

  it('shows borrower identifiers in full only to the owner, FINANCE and FINANCIAL_REGULATOR; masked to the rest', async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const v = worldViewers(w);
      const masked = `${w.identifierA.slice(0, 4)}**********${w.identifierA.slice(-4)}`;
      const expected: [string, any, string][] = [
        ['institutionA1', v.institutionA1, w.identifierA],
        ['finance', v.finance, w.identifierA],
        ['regulator', v.regulator, w.identifierA],
        ['taskForceOffice', v.taskForceOffice, masked],
        ['industry', v.industry, masked],
        ['localGovernmentA', v.localGovernmentA, masked],
        ['holdingGroup', v.holdingGroup, masked],
        ['bankX', viewer(Role.BANK, { bankId: w.X }), masked],
      ];
      for (const [name, who, identifier] of expected) {
        const { guarantee } = ok(await gql(m, who, `query($id: ID!) { guarantee(id: $id) { borrower { identifier } } }`, { id: w.gAX }));
        expect([name, guarantee?.borrower.identifier]).toEqual([name, identifier]);
      }
    });
  });

  it("the holding group reads its institutions' leads with identifiers masked; the task-force office none", async () => {
    await inRollback(async (m) => {
      const w = await buildAccessWorld(m);
      const { maliciousDefaultLeads } = ok(await gql(m, worldViewers(w).holdingGroup, LEADS));
      const ours = maliciousDefaultLeads.filter((l: any) => [w.lA, w.lB].includes(l.id));
      expect(ours.map((l: any) => [l.id, l.borrowerIdentifier])).toEqual([
        [w.lA, `${w.identifierA.slice(0, 4)}**********${w.identifierA.slice(-4)}`],
      ]);
      expect(codes(await gql(m, worldViewers(w).taskForceOffice, LEADS))).toEqual(['FORBIDDEN']);
      const r = await gql(
        m,
        worldViewers(w).taskForceOffice,
        `query($id: ID!) { guarantee(id: $id) { compensations { amount lead { id } } } }`,
        { id: w.gAX },
      );
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(r.data)).not.toContain(w.lA);
    });
  });
});
