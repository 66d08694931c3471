import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { createDataSource } from '../../src/app/data-source';
import { migrate } from '../../src/app/database';
import { applyReferenceData } from '../../src/app/reference-data';
import { createHttpServer } from '../../src/app/server';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { loadConfig } from '../../src/platform/config';
import { businessToday } from '../../src/platform/lib/dates';
import { createBank, createBorrower, createGuarantee, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { createScratchDatabase } from '../support/scratch';

/**
 * /exports/*.xlsx (../shared/DESIGN.md §4) over real HTTP on a database of its own: each download is read
 * back with exceljs and compared with the GraphQL answer for the same token.
 */
const SECRET = 'exports-test-secret-0123456789abcdefghijklmnop';
const YEAR = Number(businessToday().slice(0, 4)) - 1;
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")担保';
let db: { url: string; drop: () => Promise<void> };
let ds: DataSource;
let server: http.Server;
let base: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const token = (role: Role, scope: Parameters<typeof viewer>[1] = {}) => signToken(SECRET, viewer(role, scope), '15m');

beforeAll(async () => {
  db = await createScratchDatabase('hub_exports');
  ds = createDataSource(db.url);
  await ds.initialize();
  const log = pino({ level: 'silent' });
  await migrate(ds, log);
  await applyReferenceData(ds);
  const m = ds.manager;
  const [r1, r2] = [await regionId(m, '371502'), await regionId(m, '371521')];
  const a = await createInstitution(m, { regionId: r1, name: FORMULA_NAME });
  const b = await createInstitution(m, { regionId: r2 });
  const x = await createBank(m);
  const ledger = new LedgerRepo(m);
  const grant = (amount: string, rate: string, smallAgri: boolean, startOn: string) => ({
    startOn,
    guaranteedAmount: amount,
    feeRate: rate,
    smallAgri,
    smallHousehold: smallAgri,
  });
  await ledger.addNewBusiness({ institutionId: a.id, bankId: x.id, regionId: r1 }, grant('1234567.89', '0.008000', true, `${YEAR}-03-05`));
  await ledger.addNewBusiness({ institutionId: a.id, bankId: x.id, regionId: r1 }, grant('500000.00', '0.012000', false, `${YEAR}-04-20`));
  await ledger.addNewBusiness({ institutionId: b.id, bankId: x.id, regionId: r2 }, grant('700000.00', '0.009000', true, `${YEAR}-03-10`));
  await ledger.addReleased({ institutionId: a.id, bankId: x.id, regionId: r1 }, `${YEAR}-05-31`, '1000000.00');
  await ledger.addCompensated({ institutionId: a.id, bankId: x.id, regionId: r1 }, `${YEAR}-06-10`, '30000.00');
  Object.assign(ids, { a: a.id, b: b.id, r1, r2 });

  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET });
  ({ server } = await createHttpServer({ config, dataSource: ds, log, jwtSecret: SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  tokens.finance = await token(Role.FINANCE);
  tokens.county = await token(Role.LOCAL_GOVERNMENT, { regionId: r2 });
  tokens.ownerA = await token(Role.GUARANTEE_INSTITUTION, { institutionId: a.id });
  tokens.ownerB = await token(Role.GUARANTEE_INSTITUTION, { institutionId: b.id });
  tokens.pboc = await token(Role.PBOC);
  const report = await gql(tokens.ownerA, 'mutation ($i: ID!, $m: String!) { submitMonthlyReport(institutionId: $i, month: $m) { id } }', {
    i: a.id,
    m: `${YEAR}-03`,
  });
  ids.report = report.data.submitMonthlyReport.id;
  const claim = await gql(
    tokens.ownerA,
    'mutation ($i: ID!, $y: Int!) { submitRiskCompensationClaim(institutionId: $i, year: $y) { id } }',
    {
      i: a.id,
      y: YEAR,
    },
  );
  ids.claim = claim.data.submitRiskCompensationClaim.id;

  // R8: two re-guaranteed 支小支农 guarantees of the year at A, one with a name a spreadsheet would run as a formula.
  const borrower = await createBorrower(m, a.id, { name: '@SUM(1+1)农户' });
  await createGuarantee(
    m,
    { institutionId: a.id, bankId: x.id, borrowerId: borrower.id },
    { code: 'FS-1', startOn: `${YEAR}-02-01`, reGuaranteed: true },
  );
  await createGuarantee(
    m,
    { institutionId: a.id, bankId: x.id },
    { code: 'FS-2', loanAmount: '2000000.00', guaranteedAmount: '1500000.00', startOn: `${YEAR}-07-01`, reGuaranteed: true },
  );
  await gql(tokens.finance, 'mutation ($input: PolicyParameterSetInput!) { addPolicyParameterSet(input: $input) { id } }', {
    input: { effectiveFrom: `${YEAR}-12-31`, basis: '测试〔R8〕2号', feeSubsidyRate: '0.005' },
  });
  const feeClaim = await gql(tokens.ownerA, 'mutation ($i: ID!, $y: Int!) { submitFeeSubsidyClaim(institutionId: $i, year: $y) { id } }', {
    i: a.id,
    y: YEAR,
  });
  ids.feeClaim = feeClaim.data.submitFeeSubsidyClaim.id;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (ds?.isInitialized) await ds.destroy();
  await db?.drop();
});

async function gql(bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

async function xlsx(path: string, bearer?: string): Promise<{ status: number; book?: ExcelJS.Workbook; body?: any }> {
  const res = await fetch(`${base}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return { status: 200, book };
}

/** Row `n` of a sheet as plain values (1-based, as exceljs counts). */
const rowOf = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

const FILTER = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
const SLICE =
  'label newCount newAmount smallAgriAmount smallAgriShare averageFeeRate outstandingBalance releasedAmount compensatedAmount compensationRate' +
  ' smallAgriCountShare smallHouseholdShare meanFeeRate';
const DASHBOARD = `query ($filter: DashboardFilter) { dashboard(filter: $filter) { total { ${SLICE} } byInstitution { ${SLICE} }
  targets { smallAgriShare smallHouseholdShare averageFeeRate } } }`;

const asNumbers = (s: any) => [s.newCount, s.newAmount, s.smallAgriAmount, s.smallAgriShare].map((v) => (v === null ? null : Number(v)));

describe('GET /exports/dashboard.xlsx', () => {
  it('holds the GraphQL figures as typed numbers, beside the targets, under a title with the period and the unit', async () => {
    const { data } = await gql(tokens.finance, DASHBOARD, { filter: FILTER });
    const { status, book } = await xlsx(`/exports/dashboard.xlsx?from=${FILTER.from}&to=${FILTER.to}`, tokens.finance);
    expect(status).toBe(200);
    const sheet = book!.getWorksheet('总览')!;
    expect(String(sheet.getCell('A1').value)).toBe(`聊城市政府性融资担保数据看板 · 总览（${YEAR}年1月至${YEAR}年12月，金额单位：元）`);
    expect(rowOf(sheet, 2)).toContain('支小支农占比目标（不低于）');
    const total = rowOf(sheet, 3);
    expect(total[0]).toBe('合计');
    expect(total.slice(1, 5)).toEqual(asNumbers(data.dashboard.total));
    expect(total[5]).toBe(Number(data.dashboard.targets.smallAgriShare));
    expect(total[6]).toBe(Number(data.dashboard.total.averageFeeRate));
    expect(total[7]).toBe(Number(data.dashboard.targets.averageFeeRate));
    expect([total[8], total[9], total[10], total[11]]).toEqual(
      ['outstandingBalance', 'releasedAmount', 'compensatedAmount', 'compensationRate'].map((k) => Number(data.dashboard.total[k])),
    );
    // R3/R4's further figures, after the R7 band: count share, ≤ 5,000,000 household share and its target, plain mean fee rate.
    const num = (v: string | null) => (v === null ? null : Number(v));
    expect(total.slice(13, 17)).toEqual([
      num(data.dashboard.total.smallAgriCountShare),
      num(data.dashboard.total.smallHouseholdShare),
      Number(data.dashboard.targets.smallHouseholdShare),
      num(data.dashboard.total.meanFeeRate),
    ]);
    expect(total[2]).toBe(2434567.89);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('E3').numFmt).toBe('0.00%');
    expect(book!.worksheets.map((w) => w.name)).toEqual(['总览', '按月', '按区域', '按担保机构', '按合作银行']);
  });

  it("gives a county its own region's figures, as GraphQL does", async () => {
    const { data } = await gql(tokens.county, DASHBOARD, { filter: FILTER });
    const { book } = await xlsx(`/exports/dashboard.xlsx?from=${FILTER.from}&to=${FILTER.to}`, tokens.county);
    expect(rowOf(book!.getWorksheet('总览')!, 3).slice(1, 5)).toEqual(asNumbers(data.dashboard.total));
    expect(rowOf(book!.getWorksheet('总览')!, 3)[2]).toBe(700000);
    const institutions = book!.getWorksheet('按担保机构')!;
    expect(institutions.rowCount - 2).toBe(data.dashboard.byInstitution.length);
  });

  it('neutralises a name that would run as a formula', async () => {
    const { book } = await xlsx(`/exports/dashboard.xlsx?from=${FILTER.from}&to=${FILTER.to}`, tokens.finance);
    const sheet = book!.getWorksheet('按担保机构')!;
    const names = sheet.getColumn(1).values.filter((v) => typeof v === 'string') as string[];
    expect(names).toContain(`'${FORMULA_NAME}`);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('is 401 without a token or with a bad one, and 400 for a period that is not whole months', async () => {
    expect((await xlsx('/exports/dashboard.xlsx')).status).toBe(401);
    expect((await xlsx('/exports/dashboard.xlsx', 'not-a-token')).status).toBe(401);
    expect((await xlsx('/exports/dashboard.xlsx?from=2024-01-15', tokens.finance)).status).toBe(400);
  });

  it('is 403 for a role the GraphQL read refuses (the police read no dashboard)', async () => {
    const police = await token(Role.PUBLIC_SECURITY);
    expect((await xlsx('/exports/dashboard.xlsx', police)).status).toBe(403);
  });
});

describe('GET /exports/monthly-reports/{id}.xlsx', () => {
  it("holds the report's frozen figures, as monthlyReports answers them", async () => {
    const { data } = await gql(
      tokens.finance,
      '{ monthlyReports { id newCount newAmount smallAgriShare averageFeeRate outstandingBalance } }',
    );
    const report = data.monthlyReports.find((r: any) => r.id === ids.report);
    const { status, book } = await xlsx(`/exports/monthly-reports/${ids.report}.xlsx`, tokens.finance);
    expect(status).toBe(200);
    const sheet = book!.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toMatch(new RegExp(`^'=HYPERLINK.*${YEAR}年3月月报.*金额单位：元`));
    expect(rowOf(sheet, 3).slice(0, 3)).toEqual(['新增担保', Number(report.newAmount), report.newCount]);
    expect(rowOf(sheet, 4)[3]).toBe(Number(report.smallAgriShare));
    expect(rowOf(sheet, 6)[1]).toBe(Number(report.outstandingBalance));
  });

  it('is 404 outside the reader scope or for an unknown id, 403 for a role that reads no reports, 401 without a token', async () => {
    expect((await xlsx(`/exports/monthly-reports/${ids.report}.xlsx`, tokens.county)).status).toBe(404);
    expect((await xlsx(`/exports/monthly-reports/${ids.report}.xlsx`, tokens.ownerB)).status).toBe(404);
    expect((await xlsx(`/exports/monthly-reports/00000000-0000-4000-8000-000000000000.xlsx`, tokens.finance)).status).toBe(404);
    expect((await xlsx(`/exports/monthly-reports/${ids.report}.xlsx`, tokens.pboc)).status).toBe(403);
    expect((await xlsx(`/exports/monthly-reports/${ids.report}.xlsx`)).status).toBe(401);
  });
});

describe('GET /exports/fee-subsidy-claims/{id}.xlsx', () => {
  it('holds the frozen totals and the counted guarantees, as feeSubsidyClaims answers them', async () => {
    const { data } = await gql(
      tokens.finance,
      '{ feeSubsidyClaims { id eligibleCount eligibleAmount subsidyRate subsidy eligibleGuarantees { code guaranteedAmount } } }',
    );
    const claim = data.feeSubsidyClaims.find((c: any) => c.id === ids.feeClaim);
    expect(claim.eligibleCount).toBe(2);
    expect(claim.subsidy).toBe('11500.00');
    const { status, book } = await xlsx(`/exports/fee-subsidy-claims/${ids.feeClaim}.xlsx`, tokens.finance);
    expect(status).toBe(200);
    const sheet = book!.worksheets[0];
    expect(rowOf(sheet, 3)).toEqual(['符合条件的担保业务', undefined, undefined, undefined, 2, Number(claim.eligibleAmount)]);
    expect(rowOf(sheet, 4)[3]).toBe(Number(claim.subsidyRate));
    expect(rowOf(sheet, 5)[5]).toBe(Number(claim.subsidy));
    const listed = [6, 7].map((n) => rowOf(sheet, n));
    expect(listed.map((r) => [r[0], r[5]])).toEqual(claim.eligibleGuarantees.map((g: any) => [g.code, Number(g.guaranteedAmount)]));
    expect(listed.map((r) => r[1])).toContain("'@SUM(1+1)农户");
  });

  it("is 404 for another institution's claim and 401 without a token", async () => {
    expect((await xlsx(`/exports/fee-subsidy-claims/${ids.feeClaim}.xlsx`, tokens.ownerB)).status).toBe(404);
    expect((await xlsx(`/exports/fee-subsidy-claims/${ids.feeClaim}.xlsx`)).status).toBe(401);
  });
});

describe('GET /exports/risk-compensation-claims/{id}.xlsx', () => {
  it("holds the claim's frozen quote, tier by tier, as riskCompensationClaims answers it", async () => {
    const { data } = await gql(
      tokens.finance,
      '{ riskCompensationClaims { id quote { releasedAmount compensatedAmount compensationRate payout tiers { payout } } } }',
    );
    const claim = data.riskCompensationClaims.find((c: any) => c.id === ids.claim);
    const { status, book } = await xlsx(`/exports/risk-compensation-claims/${ids.claim}.xlsx`, tokens.ownerA);
    expect(status).toBe(200);
    const sheet = book!.worksheets[0];
    expect(rowOf(sheet, 3)[5]).toBe(Number(claim.quote.releasedAmount));
    expect(rowOf(sheet, 4)[5]).toBe(Number(claim.quote.compensatedAmount));
    expect(rowOf(sheet, 5)[3]).toBe(Number(claim.quote.compensationRate));
    expect(rowOf(sheet, sheet.rowCount)).toEqual(['补偿金额合计', undefined, undefined, undefined, undefined, Number(claim.quote.payout)]);
    expect(sheet.rowCount).toBe(2 + 3 + claim.quote.tiers.length + 1);
  });

  it("is 404 for another institution's claim", async () => {
    expect((await xlsx(`/exports/risk-compensation-claims/${ids.claim}.xlsx`, tokens.ownerB)).status).toBe(404);
  });
});
