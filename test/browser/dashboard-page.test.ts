import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/demo/demo.seed';
import { createDataSource } from '../../src/app/data-source';
import { killStartedHubs, startHub } from '../support/process';
import { createScratchDatabase } from '../support/scratch';
import {
  createUser,
  downloadBook,
  launch,
  PASSWORD,
  pct,
  requireBuilt,
  screenshot,
  signIn,
  visibleViews,
  wan,
  watchedPage,
  type Watched,
} from './support';

/**
 * The dashboard page (GET /dashboard) in Debian's Chromium, on the compiled hub (`npm start`) over a database
 * of its own seeded by seed:demo: each role signs in and sees the API's figures, and only what it may read.
 */
let db: { url: string; drop: () => Promise<void> };
let ds: DataSource;
let browser: Browser;
let base: string;
let county: { id: string; name: string };
let watched: Watched | undefined;
const timings: Record<string, number> = {};
const tokens: Record<string, Promise<string>> = {};

beforeAll(async () => {
  requireBuilt();
  db = await createScratchDatabase('hub_page');
  const hub = await startHub(
    { DATABASE_URL: db.url, NODE_ENV: 'production', JWT_SECRET: 'browser-test-secret-0123456789abcdefghijkl', LOG_LEVEL: 'info' },
    90_000,
    'npm',
  );
  base = `http://localhost:${hub.port}`;
  ds = createDataSource(db.url, { statementTimeoutMs: 300_000, idleInTransactionTimeoutMs: 300_000 });
  await ds.initialize();
  await seedDemo(ds, { guarantees: 3000, seed: 11 });
  [county] = await ds.query(`SELECT id, name FROM region WHERE code = '371521'`);
  await createUser(ds, 'finance.city', 'FINANCE');
  await createUser(ds, 'county.yanggu', 'LOCAL_GOVERNMENT', county.id);
  await createUser(ds, 'pboc', 'PBOC');
  await createUser(ds, 'police', 'PUBLIC_SECURITY');
  await createUser(ds, 'taskforce', 'TASK_FORCE_OFFICE');
  // Three leads reviewed and transferred by their institutions (R12), for the police to take up.
  await ds.query(`UPDATE malicious_default_lead SET status = 'TRANSFERRED', transferred_at = now()
                  WHERE id IN (SELECT id FROM malicious_default_lead ORDER BY id LIMIT 3)`);
  browser = await launch();
}, 240_000);

afterEach(async () => {
  if (!watched) return;
  const { foreignRequests, consoleErrors, context } = watched;
  watched = undefined;
  await context.close();
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

afterAll(async () => {
  // Time from sign-in to the drawn overview, per role (reported, not asserted: speed is for benchmarks).
  console.log(`dashboard: sign-in to overview (ms) ${JSON.stringify(timings)}`);
  await browser?.close();
  await killStartedHubs();
  if (ds?.isInitialized) await ds.destroy();
  await db?.drop();
});

async function api(username: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const post = async (token: string | null, q: string, v: Record<string, unknown>) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: q, variables: v }),
    });
    const body = (await res.json()) as any;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  // One login per user (argon2 is slow by design), reused for the file's API reads.
  tokens[username] ??= post(null, 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: username,
    p: PASSWORD,
  }).then((d) => d.login.token as string);
  return post(await tokens[username], query, variables);
}

const SLICE = 'key label newCount newAmount smallAgriShare smallHouseholdShare averageFeeRate outstandingBalance compensationRate';
const DASHBOARD = `query ($filter: DashboardFilter) { dashboard(filter: $filter) { total { ${SLICE} } byRegion { ${SLICE} } byInstitution { ${SLICE} } byBank { ${SLICE} } targets { smallHouseholdShare } } }`;

/** The period the page shows, as the API's filter. */
async function pageFilter(w: Watched) {
  const [from, to] = await w.page.$$eval('.period input[type=month]', (els) => els.map((e) => (e as unknown as { value: string }).value));
  const [y, m] = to.split('-').map(Number);
  return { from: `${from}-01`, to: `${to}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
}

const kpi = async (w: Watched, id: string) => ({
  raw: await w.page.getAttribute(`[data-kpi="${id}"]`, 'data-raw'),
  text: await w.page.textContent(`[data-kpi="${id}"] .kpi-value`),
});

// A browser on a 2-core machine shared with other work: generous per-test time (no timing is asserted).
describe('the dashboard page', { timeout: 240_000 }, () => {
  it('shows the city finance bureau the API figures, beside their targets, with sortable tables and a matching download', async () => {
    watched = await watchedPage(browser, base);
    const w = watched;
    timings.FINANCE = await signIn(w.page, base, 'finance.city');
    expect(await visibleViews(w.page)).toEqual(['overview', 'trend', 'regions', 'institutions', 'banks', 'scorecards', 'supervision']);
    const { dashboard: d } = await api('finance.city', DASHBOARD, { filter: await pageFilter(w) });
    expect(d.total.newCount).toBeGreaterThan(0);
    expect(await kpi(w, 'newAmount')).toEqual({ raw: d.total.newAmount, text: wan(d.total.newAmount) });
    expect(await kpi(w, 'outstandingBalance')).toEqual({ raw: d.total.outstandingBalance, text: wan(d.total.outstandingBalance) });
    expect((await kpi(w, 'smallAgriShare')).text).toBe(pct(d.total.smallAgriShare));
    expect((await kpi(w, 'averageFeeRate')).text).toBe(pct(d.total.averageFeeRate));
    expect((await kpi(w, 'compensationRate')).text).toBe(pct(d.total.compensationRate));
    expect(await w.page.textContent('[data-kpi="smallAgriShare"] .kpi-target')).toContain('目标 ≥ 80.00%');
    expect((await kpi(w, 'smallHouseholdShare')).text).toBe(pct(d.total.smallHouseholdShare));
    expect(await w.page.textContent('[data-kpi="smallHouseholdShare"] .kpi-target')).toContain(
      `目标 ≥ ${pct(d.targets.smallHouseholdShare)}`,
    );
    const met = Number(d.total.smallAgriShare) >= 0.8 ? 'met' : 'unmet';
    expect(await w.page.getAttribute('[data-kpi="smallAgriShare"]', 'class')).toContain(met);
    expect(await w.page.textContent('body')).not.toContain('NaN');

    const rows = () => w.page.$$eval('[data-table="institutions"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect((await rows()).sort()).toEqual(d.byInstitution.map((s: any) => s.key).sort());
    await w.page.click('[data-table="institutions"] th:has-text("新增金额")');
    const largest = [...d.byInstitution].sort((a: any, b: any) => Number(b.newAmount) - Number(a.newAmount))[0];
    expect((await rows())[0]).toBe(largest.key);
    expect(await w.page.textContent(`[data-table="institutions"] tr[data-key="${largest.key}"] td:nth-child(3)`)).toBe(
      wan(largest.newAmount),
    );

    for (const view of await visibleViews(w.page)) await screenshot(w.page, `finance-${view}`, view);

    const book = await downloadBook(w.page, 'overview');
    const total = (book.getWorksheet('总览')!.getRow(3).values as unknown[]).slice(1);
    expect(total.slice(0, 3)).toEqual(['合计', d.total.newCount, Number(d.total.newAmount)]);
    expect(book.getWorksheet('按担保机构')!.rowCount - 2).toBe(d.byInstitution.length);
  });

  it('shows a county government its own region only', async () => {
    watched = await watchedPage(browser, base);
    const w = watched;
    timings.LOCAL_GOVERNMENT = await signIn(w.page, base, 'county.yanggu');
    const { dashboard: d } = await api('county.yanggu', DASHBOARD, { filter: await pageFilter(w) });
    const regions = await w.page.$$eval('[data-table="regions"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(regions).toEqual([county.id]);
    expect(await kpi(w, 'newAmount')).toEqual({ raw: d.total.newAmount, text: wan(d.total.newAmount) });
    const { dashboard: city } = await api('finance.city', DASHBOARD, { filter: await pageFilter(w) });
    expect(Number(d.total.newAmount)).toBeLessThan(Number(city.total.newAmount));
    expect(await w.page.textContent('[data-view="regions"]')).toContain(county.name);
    await screenshot(w.page, 'county-regions', 'regions');
  });

  it('shows the PBOC the bank scorecards and no borrower', async () => {
    watched = await watchedPage(browser, base);
    const w = watched;
    timings.PBOC = await signIn(w.page, base, 'pboc');
    const views = await visibleViews(w.page);
    expect(views).toContain('scorecards');
    expect(views).not.toContain('leads');
    expect(views).not.toContain('supervision');
    const year = Number((await pageFilter(w)).to.slice(0, 4));
    const { bankScorecards } = await api('pboc', 'query ($y: Int!) { bankScorecards(year: $y) { bank { id } newAmount } }', { y: year });
    const rows = await w.page.$$eval('[data-table="scorecards"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(rows.sort()).toEqual(bankScorecards.map((s: any) => s.bank.id).sort());
    const borrowers: { name: string }[] = await ds.query(`SELECT name FROM borrower ORDER BY id LIMIT 200`);
    const text = (await w.page.textContent('body'))!;
    expect(borrowers.filter((b) => text.includes(b.name))).toEqual([]);
    await screenshot(w.page, 'pboc-scorecards', 'scorecards');
  });

  it('shows the police their transferred leads and lets them move one forward', async () => {
    watched = await watchedPage(browser, base);
    const w = watched;
    await signIn(w.page, base, 'police');
    expect(await visibleViews(w.page)).toEqual(['leads']);
    const keys = await w.page.$$eval('[data-table="leads"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
    const transferred: { id: string }[] = await ds.query(`SELECT id FROM malicious_default_lead WHERE status = 'TRANSFERRED'`);
    expect(keys.sort()).toEqual(transferred.map((l) => l.id).sort());
    const row = w.page.locator(`[data-table="leads"] tr[data-key="${keys[0]}"]`);
    await row.locator('select').selectOption('INVESTIGATING');
    await row.locator('input[aria-label="核查情况"]').fill('已调取银行流水');
    await row.locator('button:has-text("更新")').click();
    await w.page.waitForSelector(`tr[data-key="${keys[0]}"] td[data-col="status"][data-raw="INVESTIGATING"]`);
    const [lead] = await ds.query(`SELECT status, police_note FROM malicious_default_lead WHERE id = $1`, [keys[0]]);
    expect(lead).toEqual({ status: 'INVESTIGATING', police_note: '已调取银行流水' });
    await screenshot(w.page, 'police-leads', 'leads');
    const book = await downloadBook(w.page, 'leads');
    expect(book.worksheets[0].rowCount - 2).toBe(keys.length);
  });

  it("shows the task force office the warnings and the month's supervision list, and downloads them", async () => {
    watched = await watchedPage(browser, base);
    const w = watched;
    timings.TASK_FORCE_OFFICE = await signIn(w.page, base, 'taskforce');
    expect(await visibleViews(w.page)).toContain('supervision');
    const { warnings } = await api('taskforce', '{ warnings { level } }');
    expect(await w.page.$$eval('[data-table="warnings"] tbody tr', (trs) => trs.length)).toBe(warnings.length);
    const book = await downloadBook(w.page, 'supervision');
    expect(book.getWorksheet('预警')!.rowCount - 2).toBe(warnings.length);
    await screenshot(w.page, 'taskforce-supervision', 'supervision');
    await screenshot(w.page, 'taskforce-trend', 'trend');
  });
});
