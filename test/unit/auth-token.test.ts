import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { bearerToken, checkTokenSettings, signToken, verifyToken, verifyTokenClaims } from '../../src/access/token';
import { UnauthenticatedError } from '../../src/platform/errors';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';
const INSTITUTION = '6f1c1d9e-3b7a-4c55-9a0e-1d2c3b4a5f60';
const REGION = '0b7e2f4c-8d1a-4e3b-9c5d-6a7f8e9d0c1b';
const key = new TextEncoder().encode(SECRET);

/** A token as another city system would mint it: plain jose, the claims DESIGN.md §3 lists. */
function foreign(claims: Record<string, unknown>, opts: { exp?: string | number; sub?: string; secret?: Uint8Array; alg?: string } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256' }).setIssuedAt();
  if (opts.sub !== '') jwt.setSubject(opts.sub ?? 'oa-system:zhang.san');
  if (opts.exp !== undefined) jwt.setExpirationTime(opts.exp);
  return jwt.sign(opts.secret ?? key);
}

async function rejected(token: string | Promise<string>): Promise<string> {
  const err = await verifyToken(SECRET, await token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnauthenticatedError);
  return (err as UnauthenticatedError).code;
}

describe('tokens (DESIGN.md §3: HS256, sub, role and scope ids)', () => {
  it("round-trips the hub's own token", async () => {
    const token = await signToken(
      SECRET,
      { sub: 'u1', role: Role.GUARANTEE_INSTITUTION, regionId: null, institutionId: INSTITUTION, bankId: null },
      '1h',
    );
    expect(await verifyToken(SECRET, token)).toEqual({
      sub: 'u1',
      role: Role.GUARANTEE_INSTITUTION,
      regionId: null,
      institutionId: INSTITUTION,
      bankId: null,
    });
  });

  it('accepts a token minted elsewhere with the same secret and claims, whatever its sub', async () => {
    const token = await foreign({ role: 'FINANCE', regionId: REGION.toUpperCase() }, { exp: '10m' });
    expect(await verifyToken(SECRET, token)).toEqual({
      sub: 'oa-system:zhang.san',
      role: Role.FINANCE,
      regionId: REGION,
      institutionId: null,
      bankId: null,
    });
  });

  it('drops scope claims the role does not use, so the viewer shows the scope the hub applies', async () => {
    const token = await foreign({ role: 'PBOC', regionId: REGION, institutionId: INSTITUTION }, { exp: '10m' });
    expect(await verifyToken(SECRET, token)).toMatchObject({ role: Role.PBOC, regionId: null, institutionId: null, bankId: null });
  });

  it('rejects an expired token (beyond 30 s of clock drift) but not one just expired within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await rejected(foreign({ role: 'FINANCE' }, { exp: now - 31 }))).toBe('UNAUTHENTICATED');
    await expect(verifyToken(SECRET, await foreign({ role: 'FINANCE' }, { exp: now - 5 }))).resolves.toMatchObject({ role: Role.FINANCE });
  });

  it('rejects a tampered payload, a wrong secret, alg none, another algorithm and a token without exp', async () => {
    const good = await foreign({ role: 'BANK', bankId: INSTITUTION }, { exp: '10m' });
    const [header, , signature] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'ADMIN', sub: 'x', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    expect(await rejected(`${header}.${forged}.${signature}`)).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'FINANCE' }, { exp: '10m', secret: new TextEncoder().encode(`${SECRET}-other`) }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await rejected(new UnsecuredJWT({ role: 'ADMIN' }).setSubject('x').setExpirationTime('10m').encode())).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'FINANCE' }, { exp: '10m', alg: 'HS512' }))).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'FINANCE' }))).toBe('UNAUTHENTICATED');
    expect(await rejected('not-a-jwt')).toBe('UNAUTHENTICATED');
  });

  it('rejects unknown roles, missing sub, non-uuid scope ids and scoped roles without their id', async () => {
    expect(await rejected(foreign({ role: 'MAYOR' }, { exp: '10m' }))).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'FINANCE' }, { exp: '10m', sub: '' }))).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'FINANCE', regionId: '371502' }, { exp: '10m' }))).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'GUARANTEE_INSTITUTION' }, { exp: '10m' }))).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'BANK' }, { exp: '10m' }))).toBe('UNAUTHENTICATED');
    expect(await rejected(foreign({ role: 'LOCAL_GOVERNMENT' }, { exp: '10m' }))).toBe('UNAUTHENTICATED');
  });

  it('sets the expiry from JWT_EXPIRES_IN and refuses a lifetime it cannot read at start', async () => {
    const token = await signToken(SECRET, { sub: 'u', role: Role.ADMIN, regionId: null, institutionId: null, bankId: null }, '2h');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(7200);
    await expect(checkTokenSettings({ secret: SECRET, expiresIn: '8h' })).resolves.toBeUndefined();
    await expect(checkTokenSettings({ secret: SECRET, expiresIn: 'eight hours' })).rejects.toThrow(/JWT_EXPIRES_IN/);
  });

  it("carries the hub user's token version (login) and none for other systems; a malformed one is UNAUTHENTICATED", async () => {
    const who = { sub: INSTITUTION, role: Role.FINANCE, regionId: null, institutionId: null, bankId: null };
    expect((await verifyTokenClaims(SECRET, await signToken(SECRET, who, '5m', 3))).tokenVersion).toBe(3);
    expect((await verifyTokenClaims(SECRET, await signToken(SECRET, who, '5m'))).tokenVersion).toBeNull();
    for (const tokenVersion of [-1, 1.5, '2', null]) {
      expect(await rejected(foreign({ role: 'FINANCE', tokenVersion }, { exp: '5m' })), String(tokenVersion)).toBe('UNAUTHENTICATED');
    }
  });

  it('reads the bearer header: none is anonymous, anything but "Bearer <token>" is UNAUTHENTICATED', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(UnauthenticatedError);
  });
});
