import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/modules/user/user.passwords';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it). Missing, the browser tests fail. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const ROOT = path.resolve(__dirname, '..', '..');

export function requireBuilt(): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (the browser tests need it)`);
  for (const file of ['dist/src/app/main.js', 'dashboard/dist/index.html']) {
    if (!fs.existsSync(path.join(ROOT, file)))
      throw new Error(`${file} is missing: run npm run build && npm run build:dashboard (npm test does)`);
  }
}

export function launch(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export const PASSWORD = 'browser-test-password-1';

/** A hub user per role, signed in through the page like a person would. */
export async function createUser(ds: DataSource, username: string, role: string, regionId: string | null = null): Promise<void> {
  await ds.query(`INSERT INTO app_user (username, password_hash, role, region_id) VALUES ($1, $2, $3, $4)`, [
    username,
    await hashPassword(PASSWORD),
    role,
    regionId,
  ]);
}

/** A page that records every request's host and every console error, for the assertions after each test. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
}

export async function watchedPage(browser: Browser, base: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const host = new URL(base).host;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.host !== host) foreignRequests.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return { context, page, foreignRequests, consoleErrors };
}

/** Signs in on /dashboard; resolves with the milliseconds from the click to the drawn overview (or to ready). */
export async function signIn(page: Page, base: string, username: string): Promise<number> {
  await page.goto(`${base}/dashboard`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  const started = Date.now();
  await page.click('button[type=submit]');
  await page.waitForSelector('#app[data-ready=true]', { timeout: 30_000 });
  const overview = await page.evaluate(() => {
    const [signed] = performance.getEntriesByName('signed-in');
    const [drawn] = performance.getEntriesByName('overview-drawn');
    return signed && drawn ? drawn.startTime - signed.startTime : null;
  });
  return overview ?? Date.now() - started;
}

export async function visibleViews(page: Page): Promise<string[]> {
  return page.$$eval('section[data-view]', (els) => els.map((e) => e.getAttribute('data-view')!));
}

export async function screenshot(page: Page, name: string, view?: string): Promise<void> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (view) await page.locator(`section[data-view="${view}"]`).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

/** Clicks a view's download button and reads the spreadsheet back. */
export async function downloadBook(page: Page, view: string): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${view}"]`)]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  return book;
}

/** The hub's formatting, computed independently: 万元 with separators and two places, percentages with two. */
export const wan = (yuan: string) =>
  (Number(yuan) / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pct = (rate: string | null) => (rate === null ? '—' : `${(Number(rate) * 100).toFixed(2)}%`);
