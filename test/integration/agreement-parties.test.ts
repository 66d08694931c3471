import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { countOwnRows, createBank, createInstitution, regionId, unique, validCreditCode } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

// The parties of a 银担合作协议: institutions (recorded by FINANCE, listed by FINANCIAL_REGULATOR) and banks.

const CREATE_INSTITUTION = `mutation ($input: InstitutionInput!) {
  createInstitution(input: $input) { id name creditCode level isReGuarantor registeredCapital paidInCapital netAssets onProvincialList region { code } }
}`;

const finance = viewer(Role.FINANCE);

async function institutionInput(m: Parameters<typeof regionId>[0], overrides: Record<string, unknown> = {}) {
  return {
    name: unique('聊城市融资担保有限公司-'),
    creditCode: validCreditCode('371500'),
    level: 'MUNICIPAL',
    regionId: await regionId(m, '371500'),
    registeredCapital: '1000000000.00',
    paidInCapital: '800000000.00',
    netAssets: '950000000.00',
    ...overrides,
  };
}

describe('createInstitution', () => {
  it('records an institution with a valid GB 32100 credit code (lower case normalised)', async () => {
    await inRollback(async (m) => {
      const input = await institutionInput(m, { isReGuarantor: true });
      const { createInstitution: i } = ok(
        await gql(m, finance, CREATE_INSTITUTION, { input: { ...input, creditCode: input.creditCode.toLowerCase() } }),
      );
      expect(i).toMatchObject({
        name: input.name,
        creditCode: input.creditCode,
        level: 'MUNICIPAL',
        isReGuarantor: true,
        registeredCapital: '1000000000.00',
        paidInCapital: '800000000.00',
        netAssets: '950000000.00',
        onProvincialList: false,
        region: { code: '371500' },
      });
    });
  });

  it.each([
    ['creditCode', (c: string) => ({ creditCode: c.slice(0, 17) + (c[17] === '0' ? '1' : '0') })],
    ['creditCode', (c: string) => ({ creditCode: c.slice(0, 17) })],
    ['creditCode', () => ({ creditCode: '371502199001011234' })],
    ['name', () => ({ name: '  ' })],
    ['paidInCapital', () => ({ paidInCapital: '1000000000.01' })],
    ['registeredCapital', () => ({ registeredCapital: '-1' })],
    ['netAssets', () => ({ netAssets: '1.234' })],
    ['regionId', () => ({ regionId: '00000000-0000-4000-8000-000000000000' })],
  ])('rejects a bad %s with BAD_USER_INPUT, nothing written', async (field, change) => {
    await inRollback(async (m) => {
      const input = await institutionInput(m);
      const before = await countOwnRows(m, 'guarantee_institution');
      const result = await gql(m, finance, CREATE_INSTITUTION, { input: { ...input, ...change(input.creditCode) } });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(await countOwnRows(m, 'guarantee_institution')).toBe(before);
    });
  });

  it('refuses a second institution with the same credit code or name (CONFLICT)', async () => {
    await inRollback(async (m) => {
      const existing = await createInstitution(m);
      const before = await countOwnRows(m, 'guarantee_institution');
      expect(
        codes(await gql(m, finance, CREATE_INSTITUTION, { input: await institutionInput(m, { creditCode: existing.creditCode }) })),
      ).toEqual(['CONFLICT']);
      expect(codes(await gql(m, finance, CREATE_INSTITUTION, { input: await institutionInput(m, { name: existing.name }) }))).toEqual([
        'CONFLICT',
      ]);
      expect(await countOwnRows(m, 'guarantee_institution')).toBe(before);
    });
  });

  it('lets a county finance bureau record institutions of its county only; other roles are FORBIDDEN', async () => {
    await inRollback(async (m) => {
      const county = viewer(Role.FINANCE, { regionId: await regionId(m, '371522') });
      ok(
        await gql(m, county, CREATE_INSTITUTION, {
          input: await institutionInput(m, { level: 'COUNTY', regionId: await regionId(m, '371522') }),
        }),
      );
      expect(codes(await gql(m, county, CREATE_INSTITUTION, { input: await institutionInput(m) }))).toEqual(['FORBIDDEN']);
      for (const role of [Role.FINANCIAL_REGULATOR, Role.GUARANTEE_INSTITUTION, Role.TASK_FORCE_OFFICE]) {
        expect(codes(await gql(m, viewer(role), CREATE_INSTITUTION, { input: await institutionInput(m) }))).toEqual(['FORBIDDEN']);
      }
    });
  });
});

const LIST_STATUS = `mutation ($id: ID!, $status: ListStatus!, $on: Date!) {
  updateInstitutionListStatus(id: $id, status: $status, on: $on) { listStatus reportedOn admittedOn onProvincialList }
}`;
const regulator = viewer(Role.FINANCIAL_REGULATOR);

describe('updateInstitutionListStatus (名单管理, 实施意见（三）)', () => {
  it('moves NOT_REPORTED → REPORTED → ADMITTED, recording the dates', async () => {
    await inRollback(async (m) => {
      const { id } = await createInstitution(m);
      const reported = ok(await gql(m, regulator, LIST_STATUS, { id, status: 'REPORTED', on: '2024-04-01' }));
      expect(reported.updateInstitutionListStatus).toEqual({
        listStatus: 'REPORTED',
        reportedOn: '2024-04-01',
        admittedOn: null,
        onProvincialList: false,
      });
      const admitted = ok(await gql(m, regulator, LIST_STATUS, { id, status: 'ADMITTED', on: '2024-04-01' }));
      expect(admitted.updateInstitutionListStatus).toEqual({
        listStatus: 'ADMITTED',
        reportedOn: '2024-04-01',
        admittedOn: '2024-04-01',
        onProvincialList: true,
      });
    });
  });

  it('refuses backwards, repeated and skipped moves (CONFLICT), leaving the status as it was', async () => {
    await inRollback(async (m) => {
      const { id } = await createInstitution(m);
      expect(codes(await gql(m, regulator, LIST_STATUS, { id, status: 'ADMITTED', on: '2024-04-01' }))).toEqual(['CONFLICT']);
      expect(codes(await gql(m, regulator, LIST_STATUS, { id, status: 'NOT_REPORTED', on: '2024-04-01' }))).toEqual(['CONFLICT']);
      ok(await gql(m, regulator, LIST_STATUS, { id, status: 'REPORTED', on: '2024-04-01' }));
      expect(codes(await gql(m, regulator, LIST_STATUS, { id, status: 'REPORTED', on: '2024-04-02' }))).toEqual(['CONFLICT']);
      expect(codes(await gql(m, regulator, LIST_STATUS, { id, status: 'NOT_REPORTED', on: '2024-04-02' }))).toEqual(['CONFLICT']);
      const [row] = await m.query(`SELECT list_status, reported_on FROM guarantee_institution WHERE id = $1`, [id]);
      expect(row).toEqual({ list_status: 'REPORTED', reported_on: '2024-04-01' });
    });
  });

  it('refuses a future date, and admission before the report (BAD_USER_INPUT on)', async () => {
    await inRollback(async (m) => {
      const { id } = await createInstitution(m);
      const tomorrow = new Date(Date.parse(businessToday()) + 86_400_000).toISOString().slice(0, 10);
      const future = await gql(m, regulator, LIST_STATUS, { id, status: 'REPORTED', on: tomorrow });
      expect(codes(future)).toEqual(['BAD_USER_INPUT']);
      expect(future.errors?.[0].extensions?.field).toBe('on');
      ok(await gql(m, regulator, LIST_STATUS, { id, status: 'REPORTED', on: '2024-04-01' }));
      expect(codes(await gql(m, regulator, LIST_STATUS, { id, status: 'ADMITTED', on: '2024-03-31' }))).toEqual(['BAD_USER_INPUT']);
      const [row] = await m.query(`SELECT list_status FROM guarantee_institution WHERE id = $1`, [id]);
      expect(row.list_status).toBe('REPORTED');
    });
  });

  it('is NOT_FOUND for an unknown or out-of-region institution and FORBIDDEN to other roles', async () => {
    await inRollback(async (m) => {
      const { id } = await createInstitution(m, { regionId: await regionId(m, '371502') });
      expect(
        codes(await gql(m, regulator, LIST_STATUS, { id: '00000000-0000-4000-8000-000000000000', status: 'REPORTED', on: '2024-04-01' })),
      ).toEqual(['NOT_FOUND']);
      expect(codes(await gql(m, regulator, LIST_STATUS, { id: 'nope', status: 'REPORTED', on: '2024-04-01' }))).toEqual(['NOT_FOUND']);
      const otherCounty = viewer(Role.FINANCIAL_REGULATOR, { regionId: await regionId(m, '371522') });
      expect(codes(await gql(m, otherCounty, LIST_STATUS, { id, status: 'REPORTED', on: '2024-04-01' }))).toEqual(['NOT_FOUND']);
      for (const role of [Role.FINANCE, Role.GUARANTEE_INSTITUTION]) {
        expect(codes(await gql(m, viewer(role, { institutionId: id }), LIST_STATUS, { id, status: 'REPORTED', on: '2024-04-01' }))).toEqual(
          ['FORBIDDEN'],
        );
      }
    });
  });
});

const CREATE_BANK = `mutation ($input: BankInput!) { createBank(input: $input) { id name kind } }`;

describe('createBank', () => {
  it('records a bank for the financial regulator', async () => {
    await inRollback(async (m) => {
      const name = unique('聊城农村商业银行-');
      const { createBank: b } = ok(
        await gql(m, regulator, CREATE_BANK, { input: { name: ` ${name} `, kind: 'RURAL_COMMERCIAL', regionId: await regionId(m) } }),
      );
      expect(b).toMatchObject({ name, kind: 'RURAL_COMMERCIAL' });
    });
  });

  it('refuses a blank name or unknown region (BAD_USER_INPUT), a taken name (CONFLICT), other roles (FORBIDDEN); nothing written', async () => {
    await inRollback(async (m) => {
      const existing = await createBank(m);
      const before = await countOwnRows(m, 'bank');
      const blank = await gql(m, regulator, CREATE_BANK, { input: { name: ' ', kind: 'OTHER' } });
      expect([codes(blank), blank.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'name']);
      const region = await gql(m, regulator, CREATE_BANK, {
        input: { name: unique('b'), kind: 'OTHER', regionId: '00000000-0000-4000-8000-000000000000' },
      });
      expect([codes(region), region.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'regionId']);
      expect(codes(await gql(m, regulator, CREATE_BANK, { input: { name: existing.name, kind: 'OTHER' } }))).toEqual(['CONFLICT']);
      for (const role of [Role.FINANCE, Role.PBOC, Role.BANK]) {
        expect(codes(await gql(m, viewer(role), CREATE_BANK, { input: { name: unique('b'), kind: 'OTHER' } }))).toEqual(['FORBIDDEN']);
      }
      expect(await countOwnRows(m, 'bank')).toBe(before);
    });
  });
});
