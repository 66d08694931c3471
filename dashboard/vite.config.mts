import { defineConfig } from 'vite';

/**
 * The dashboard page (GET /dashboard): one HTML file and its hashed assets, everything bundled — city
 * intranets reach no CDN. The hub serves dashboard/dist under /dashboard/ (src/app/dashboard-page.ts).
 */
export default defineConfig({
  base: '/dashboard/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Inline nothing as data: URLs beyond what the CSP allows (img data: only); no module preload polyfill inline.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // ECharts' line and bar charts on canvas are most of it: ~570 kB minified, ~195 kB gzipped (README).
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/exports': 'http://localhost:4000' } },
});
