/*
 * Preloaded by `npm run dev` (node -r) before main.ts: a developer's hub is NODE_ENV=development — the schema
 * explorer, anonymous introspection, a JWT secret generated into the data dir — unless the environment says
 * otherwise. `npm start` and a deployment that sets nothing are production (config.ts).
 */
process.env.NODE_ENV ||= 'development';
