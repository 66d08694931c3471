import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { countOwnRows, countRows, createAgreement, createBank, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { business, flaggedLead, footprint } from '../fixtures/compensation-fixtures';
import { CREATE_GUARANTEE as CREATE, IMPORT_GUARANTEES } from '../fixtures/guarantee-ops';
import { REVIEW } from '../fixtures/lead-operations';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/**
 * Attack: text that PostgreSQL or jsonb cannot store faithfully (NUL, lone surrogates), invisible control
 * characters and bidirectional overrides ("Trojan Source") sent in any text argument (DESIGN.md §6; issue 8,
 * items 3 and 8). Before the rule: a lead note "\ud800" was accepted and left no audit row; a borrower name with
 * a NUL gave INTERNAL_SERVER_ERROR; control and bidi characters were stored as-is. Now each is BAD_USER_INPUT
 * naming the field, nothing is written, and the refusal itself is audited.
 */
const HOSTILE: [string, string][] = [
  ['a NUL', '某\u0000公司'],
  ['a lone high surrogate', '某公司\ud800'],
  ['a lone low surrogate', '\udc00某公司'],
  ['a bell (C0 control)', '某\u0007公司'],
  ['an escape (C0 control)', '某\u001b[31m公司'],
  ['DEL', '某\u007f公司'],
  ['a C1 control (NEL)', '某\u0085公司'],
  ['a right-to-left override', '某公司\u202egpj.exe'],
  ['a left-to-right embedding', '\u202a某公司'],
  ['a first-strong isolate', '某\u2068公司\u2069'],
];

async function grantSetUp(m: EntityManager) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { bankRiskShare: '0.250000', creditLine: '100000000.00' });
  const region = await regionId(m, '371522');
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const input = (overrides: Parameters<typeof guaranteeInput>[1] = {}) =>
    guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: region }, overrides);
  const written = async () => ({
    guarantees: await countRows(m, 'guarantee', 'institution_id = $1', [institution.id]),
    borrowers: await countOwnRows(m, 'borrower'),
    stats: await countRows(m, 'business_month_stats', 'institution_id = $1', [institution.id]),
  });
  return { institution, owner, input, written };
}

async function refusalsAudited(m: EntityManager, operation: string): Promise<string[]> {
  const rows: { error_code: string }[] = await m.query(
    `SELECT error_code FROM audit_log WHERE operation = $1 AND outcome <> 'ACCEPTED'
        AND txid_status((txid_current() / 4294967296) * 4294967296 + xmin::text::bigint) = 'in progress' ORDER BY id`,
    [operation],
  );
  return rows.map((r) => r.error_code);
}

describe('hostile text in a borrower name (createGuarantee)', () => {
  it.each(HOSTILE)('%s is BAD_USER_INPUT on borrower.name, nothing written, the refusal audited', async (_what, name) => {
    await inRollback(async (m) => {
      const { owner, input, written } = await grantSetUp(m);
      const before = await written();
      const result = await gql(m, owner, CREATE, { input: input({ borrower: { name } }) });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('borrower.name');
      expect(await written()).toEqual(before);
      expect(await refusalsAudited(m, 'createGuarantee')).toEqual(['BAD_USER_INPUT']);
    });
  });

  it('a line break in a single-line value is refused too; the same name without it is accepted', async () => {
    await inRollback(async (m) => {
      const { owner, input } = await grantSetUp(m);
      const broken = await gql(m, owner, CREATE, { input: input({ code: 'G-\n1' }) });
      expect(codes(broken)).toEqual(['BAD_USER_INPUT']);
      expect(broken.errors?.[0].extensions?.field).toBe('code');
      ok(await gql(m, owner, CREATE, { input: input({ borrower: { name: '莘县某农业公司（有限合伙）' } }) }));
    });
  });
});

describe('hostile text in a lead note (reviewLead)', () => {
  it.each(HOSTILE)('%s is BAD_USER_INPUT on note, the lead unchanged, the refusal audited', async (_what, note) => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      const before = await footprint(m, b);
      const result = await gql(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM', note });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('note');
      expect(await footprint(m, b)).toEqual(before);
      expect(await refusalsAudited(m, 'reviewLead')).toEqual(['BAD_USER_INPUT']);
    });
  });

  it('multi-line notes stay legitimate: tab, line feed and CRLF are accepted', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const { leadId } = await flaggedLead(m, b);
      ok(await gql(m, b.owner, REVIEW, { id: leadId, decision: 'CONFIRM', note: '核实属实：\r\n1.\t转移资产\n2.\t失联' }));
    });
  });
});

describe('hostile text anywhere: one rule for every argument', () => {
  it('refuses it in a query argument (a cursor) and in an import CSV, naming the argument', async () => {
    await inRollback(async (m) => {
      const { institution, owner, written } = await grantSetUp(m);
      const page = await gql(m, owner, `query ($after: String) { guarantees(after: $after) { totalCount } }`, { after: 'x\u0000' });
      expect(codes(page)).toEqual(['BAD_USER_INPUT']);
      expect(page.errors?.[0].extensions?.field).toBe('after');

      const before = await written();
      const csv = 'code,borrower_name\r\nG-1,某\u202e公司\r\n';
      const imported = await gql(m, owner, IMPORT_GUARANTEES, { institutionId: institution.id, csv });
      expect(codes(imported)).toEqual(['BAD_USER_INPUT']);
      expect(imported.errors?.[0].extensions?.field).toBe('csv');
      expect(await written()).toEqual(before);
    });
  });

  it('refuses it inside a nested input object, with the path in the input (evidence of a compensation)', async () => {
    await inRollback(async (m) => {
      const b = await business(m);
      const before = await footprint(m, b);
      const result = await gql(m, b.owner, `mutation ($input: CompensationInput!) { recordCompensation(input: $input) { id } }`, {
        input: { guaranteeId: b.guarantee.id, amount: '1.00', paidOn: '2024-06-15', suspectedMalicious: true, evidence: '转移\ud83d资产' },
      });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('evidence');
      expect(await footprint(m, b)).toEqual(before);
    });
  });
});
