import { errors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../platform/errors';
import { ALL_ROLES, Role } from './roles';
import { REGION_NARROWABLE, type Viewer } from './viewer';

const ALG = 'HS256';
const CLOCK_TOLERANCE = 30;

/** What the hub needs to mint tokens (`login`): the HS256 secret and the lifetime (JWT_EXPIRES_IN, e.g. "8h"). */
export interface TokenSettings {
  readonly secret: string;
  readonly expiresIn: string;
}

/** Fails fast at start on a lifetime jose cannot read, rather than on the first login. */
export async function checkTokenSettings(settings: TokenSettings): Promise<void> {
  try {
    await signToken(
      settings.secret,
      { sub: 'start-up-check', role: Role.ADMIN, regionId: null, institutionId: null, bankId: null },
      settings.expiresIn,
    );
  } catch {
    throw new Error(`JWT_EXPIRES_IN "${settings.expiresIn}" is not a lifetime such as 8h, 30m or 1d`);
  }
}

/**
 * The claim that marks a token minted by the hub's own `login`: the user's token version (users.token_version).
 * Tokens from other city systems sharing JWT_SECRET carry no such claim (../shared/DESIGN.md §3).
 */
export const TOKEN_VERSION_CLAIM = 'tokenVersion';

/** `tokenVersion`: the hub user's token version, for tokens `login` mints; left out for everyone else's. */
export async function signToken(secret: string, viewer: Viewer, expiresIn: string, tokenVersion?: number): Promise<string> {
  const claims: Record<string, string | number> = { role: viewer.role };
  if (tokenVersion !== undefined) claims[TOKEN_VERSION_CLAIM] = tokenVersion;
  if (viewer.regionId) claims.regionId = viewer.regionId;
  if (viewer.institutionId) claims.institutionId = viewer.institutionId;
  if (viewer.bankId) claims.bankId = viewer.bankId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(viewer.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** JWT_MAX_LIFETIME's default: a day, whatever `exp` a token claims (../shared/DESIGN.md §6). */
export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;

/**
 * Verifies signature, algorithm and expiry, then the claims' shape; any failure is UNAUTHENTICATED.
 * A token is honoured at most `maxLifetimeSeconds` after its `iat`, whatever its `exp` (another system's
 * token with `exp` in the year 9999 dies with the others).
 */
export async function verifyToken(secret: string, token: string, maxLifetimeSeconds = DEFAULT_MAX_LIFETIME_SECONDS): Promise<Viewer> {
  return (await verifyTokenClaims(secret, token, maxLifetimeSeconds)).viewer;
}

/**
 * A verified token: the viewer, the hub token version it carries (null: not minted by the hub's `login`), and the
 * instant (ms since the epoch) until which it stays valid: its exp or iat + the lifetime cap, whichever is first.
 */
export interface VerifiedToken {
  readonly viewer: Viewer;
  readonly tokenVersion: number | null;
  readonly validUntilMs: number;
}

/** verifyToken, keeping the token version for the revocation check (app/authenticate.ts) and the validity for the cache. */
export async function verifyTokenClaims(
  secret: string,
  token: string,
  maxLifetimeSeconds = DEFAULT_MAX_LIFETIME_SECONDS,
): Promise<VerifiedToken> {
  let payload;
  try {
    // Other city systems mint tokens too: allow their clocks a little drift, but every token must expire.
    ({ payload } = await jwtVerify(token, key(secret), {
      algorithms: [ALG],
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE,
      maxTokenAge: maxLifetimeSeconds,
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iat') {
      throw new UnauthenticatedError('The token must carry an iat in the past, and is honoured for JWT_MAX_LIFETIME after it');
    }
    throw new UnauthenticatedError('The token is not valid');
  }
  const role = payload.role;
  if (typeof role !== 'string' || !ALL_ROLES.includes(role as Role)) throw new UnauthenticatedError('The token names no known role');
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new UnauthenticatedError('The token names no caller (sub)');
  // A claim the role does not use is dropped, so `me` shows exactly the scope the hub applies.
  const viewer: Viewer = {
    sub: payload.sub,
    role: role as Role,
    regionId: REGION_NARROWABLE.has(role as Role) ? optionalId(payload.regionId) : null,
    institutionId: role === Role.GUARANTEE_INSTITUTION ? optionalId(payload.institutionId) : null,
    bankId: role === Role.BANK ? optionalId(payload.bankId) : null,
  };
  if (viewer.role === Role.GUARANTEE_INSTITUTION && !viewer.institutionId)
    throw new UnauthenticatedError('An institution token must carry institutionId');
  if (viewer.role === Role.BANK && !viewer.bankId) throw new UnauthenticatedError('A bank token must carry bankId');
  if (viewer.role === Role.LOCAL_GOVERNMENT && !viewer.regionId)
    throw new UnauthenticatedError('A local-government token must carry regionId');
  const version = payload[TOKEN_VERSION_CLAIM];
  if (version !== undefined && !(Number.isSafeInteger(version) && (version as number) >= 0)) {
    throw new UnauthenticatedError(`The ${TOKEN_VERSION_CLAIM} claim is not a token version`);
  }
  return {
    viewer,
    tokenVersion: (version as number | undefined) ?? null,
    validUntilMs: Math.min(payload.exp!, payload.iat! + maxLifetimeSeconds) * 1000,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function optionalId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !UUID.test(value)) throw new UnauthenticatedError('A scope claim is not a hub id');
  return value.toLowerCase();
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The bearer token of an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  return m[1];
}
