import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_DIST } from '../../src/app/dashboard-page';
import { startHub } from '../support/http-hub';

/** GET /dashboard: the built page from the hub itself, with a CSP that allows nothing but the hub. */
describe('GET /dashboard', () => {
  it('serves the page without a token, revalidated, under a self-only CSP, and its hashed assets cached for a year', async () => {
    expect(fs.existsSync(path.join(DASHBOARD_DIST, 'index.html')), 'run npm run build:dashboard (npm test does)').toBe(true);
    const hub = await startHub();
    const origin = new URL(hub.url).origin;
    for (const route of ['/dashboard', '/dashboard/']) {
      const res = await fetch(`${origin}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      const html = await res.text();
      expect(html).toContain('聊城市政府性融资担保数据看板');
      // Every script and stylesheet is the hub's own: no http(s) URL anywhere in the page.
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)![1];
      const asset = await fetch(`${origin}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await asset.text()).not.toMatch(/https?:\/\/(cdn|fonts)\./);
    }
    expect((await fetch(`${origin}/dashboard/assets/missing.js`)).status).toBe(404);
  });
});
