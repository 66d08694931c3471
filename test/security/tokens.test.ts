import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../support/db';
import { errorCodes, HUB_SECRET, startHub, type RunningHub } from '../support/http-hub';

/**
 * DESIGN.md §6, issue 8 items 7 and 8: another system's token with `exp` in the year 9999 was honoured for
 * ever, and a LOCAL_GOVERNMENT token naming the city's own region saw the municipal institutions.
 */
const key = new TextEncoder().encode(HUB_SECRET);
const ME = { query: '{ me { role regionId } }' };
const YEAR_9999 = Math.floor(Date.UTC(9999, 0, 1) / 1000);
const now = () => Math.floor(Date.now() / 1000);
let hub: RunningHub;
let region: Record<'city' | 'county' | 'zone', string>;

function mint(claims: Record<string, unknown>, { iat, exp }: { iat?: number; exp: number }) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('city-oa:wang.wu').setExpirationTime(exp);
  if (iat !== undefined) jwt.setIssuedAt(iat);
  return jwt.sign(key);
}

async function me(token: string, on = hub) {
  const res = await on.post(ME, { authorization: `Bearer ${token}` });
  return { status: res.status, codes: errorCodes(res), me: res.json.data?.me };
}

beforeAll(async () => {
  hub = await startHub();
  const rows = (await (await testDataSource()).query(`SELECT id, kind FROM region`)) as { id: string; kind: string }[];
  const of = (kind: string) => rows.find((r) => r.kind === kind)!.id;
  region = { city: of('CITY'), county: of('COUNTY'), zone: of('DEVELOPMENT_ZONE') };
});

describe('token lifetime (JWT_MAX_LIFETIME, default 24h since iat)', () => {
  it('honours a fresh token, even one whose exp is in the year 9999', async () => {
    expect(await me(await mint({ role: 'FINANCE' }, { iat: now(), exp: YEAR_9999 }))).toMatchObject({ status: 200, codes: [] });
  });

  it('refuses a year-9999 token issued more than 24 hours ago', async () => {
    const token = await mint({ role: 'FINANCE' }, { iat: now() - 24 * 3600 - 120, exp: YEAR_9999 });
    expect(await me(token)).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], me: undefined });
  });

  it('refuses a token without iat, and one issued in the future', async () => {
    expect((await me(await mint({ role: 'FINANCE' }, { exp: now() + 300 }))).codes).toEqual(['UNAUTHENTICATED']);
    expect((await me(await mint({ role: 'FINANCE' }, { iat: now() + 3600, exp: now() + 7200 }))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('takes its limit from JWT_MAX_LIFETIME', async () => {
    const strict = await startHub({ JWT_MAX_LIFETIME: '1h' });
    const token = await mint({ role: 'FINANCE' }, { iat: now() - 2 * 3600, exp: now() + 3600 });
    expect((await me(token, strict)).status).toBe(401);
    expect((await me(token)).status).toBe(200);
  });
});

describe('a LOCAL_GOVERNMENT token names a county-level region or a development zone', () => {
  it("refuses the city's own region", async () => {
    const token = await mint({ role: 'LOCAL_GOVERNMENT', regionId: region.city }, { iat: now(), exp: now() + 300 });
    expect(await me(token)).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], me: undefined });
  });

  it('refuses a region that does not exist', async () => {
    const token = await mint(
      { role: 'LOCAL_GOVERNMENT', regionId: '00000000-0000-4000-8000-00000000dead' },
      { iat: now(), exp: now() + 300 },
    );
    expect((await me(token)).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('serves a county and a development zone', async () => {
    for (const id of [region.county, region.zone]) {
      const token = await mint({ role: 'LOCAL_GOVERNMENT', regionId: id }, { iat: now(), exp: now() + 300 });
      expect(await me(token)).toEqual({ status: 200, codes: [], me: { role: 'LOCAL_GOVERNMENT', regionId: id } });
    }
  });
});
