import { getDistDirectory, renderAltair } from 'altair-static';
import express, { type Express } from 'express';

const TITLE = '聊城市政府性融资担保数据中台 · GraphQL';

/** Where a newcomer starts: the token goes in the Auth tab, already set to Bearer. */
const FIRST_QUERY = `# 聊城市政府性融资担保数据中台 — GraphQL explorer (development only)
#
# 1. Get a token:   TOKEN=$(npm run -s token -- --role FINANCE)
#    (or log in:    mutation { login(username: "admin", password: "…") { token } })
# 2. Paste it in the Auth tab (left of the query editor): type Bearer is already chosen.
# 3. Run this query with the ▶ button. The Docs pane lists every type and field.
query FirstLook {
  me { role regionId institutionId bankId }
  regions { code name kind }
}
`;

/**
 * The schema explorer (Altair), from the altair-static package: city intranets reach no CDN. Only with
 * NODE_ENV=development (server.ts). No cloud banners (its AI-assistant advert), no account sign-in, the hub's title.
 */
export function serveExplorer(app: Express): void {
  app.use('/explorer', express.static(getDistDirectory(), { index: false }));
  const page = renderAltair({
    baseURL: '/explorer/',
    endpointURL: '/graphql',
    disableAccount: true,
    initialName: TITLE,
    initialQuery: FIRST_QUERY,
    initialAuthorization: { type: 'bearer', data: { token: '' } },
    // A namespace of its own: a browser that ran another Altair keeps those windows ("Window 1") elsewhere.
    instanceStorageNamespace: 'liaocheng-hub-explorer',
    initialSettings: { 'banners.disable': true, 'alert.disableUpdateNotification': true, disablePushNotification: true },
  }).replace(/<title>[^<]*<\/title>/, `<title>${TITLE}</title>`);
  app.get(['/explorer', '/explorer/'], (_req, res) => {
    res.type('html').send(page);
  });
}
