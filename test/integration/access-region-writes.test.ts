import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/**
 * DESIGN.md §3: "A regionId narrows any government role to that region" — for writes too. The financial
 * regulator writes banks; narrowed to a county it records banks of that county only (like a county finance
 * bureau's institutions), and the city-wide regulator records any bank.
 */
const CREATE = `mutation ($input: BankInput!) { createBank(input: $input) { id name } }`;

describe("a region-narrowed regulator's bank writes", () => {
  it('are FORBIDDEN for another county or a city-wide bank, and write nothing; its own county and the city-wide regulator are accepted', async () => {
    await inRollback(async (m) => {
      const own = await regionId(m, '371522');
      const other = await regionId(m, '371502');
      const county = viewer(Role.FINANCIAL_REGULATOR, { regionId: own });
      const input = (name: string, region: string | null) => ({ input: { name, kind: 'RURAL_COMMERCIAL', regionId: region } });

      expect(codes(await gql(m, county, CREATE, input('莘县越权银行甲', other)))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(m, county, CREATE, input('莘县越权银行乙', null)))).toEqual(['FORBIDDEN']);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM bank WHERE name LIKE '莘县越权银行%'`);
      expect(n).toBe(0);

      ok(await gql(m, county, CREATE, input('莘县本地银行', own)));
      ok(await gql(m, viewer(Role.FINANCIAL_REGULATOR), CREATE, input('市级银行', null)));
      ok(await gql(m, viewer(Role.FINANCIAL_REGULATOR), CREATE, input('东昌府区银行', other)));
    });
  });
});
