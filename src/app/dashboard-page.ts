import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/** Where `npm run build:dashboard` writes the page (dashboard/vite.config.mts). */
export const DASHBOARD_DIST = path.join(projectRoot(), 'dashboard', 'dist');

/** src/app under ts-node, dist/src/app compiled: the folder holding package.json either way. */
function projectRoot(): string {
  const up = path.resolve(__dirname, '..', '..');
  return path.basename(up) === 'dist' ? path.dirname(up) : up;
}

/** Only the hub itself: scripts, styles, images, fonts and fetches (city intranets reach no CDN). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * GET /dashboard: the built page (dashboard/). index.html is revalidated on every load; the hashed assets
 * Vite names by content are cached for a year. Without a build the hub still starts and says how to build.
 */
export function dashboardPage(dist = DASHBOARD_DIST): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('content-security-policy', CSP);
    res.set('x-content-type-options', 'nosniff');
    res.set('referrer-policy', 'no-referrer');
    next();
  });
  router.use('/assets', express.static(path.join(dist, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
  router.get('/', (_req, res) => {
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) return res.status(503).type('text').send('The dashboard is not built: run `npm run build:dashboard`.');
    res.set('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
