import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { Role } from '../access/roles';
import { SystemScope } from '../access/system-scope';
import { bearerToken, type VerifiedToken } from '../access/token';
import { VerifiedTokens } from '../access/token-cache';
import type { Viewer } from '../access/viewer';
import { PUBLIC_REGIONS, RegionRepo } from '../modules/region/region.repo';
import { UserRepo } from '../modules/user/user.repo';
import { isDatabaseUnavailable } from '../platform/db/unavailable';
import { ServiceUnavailableError, UnauthenticatedError } from '../platform/errors';
import { isUuid } from '../platform/lib/ids';

/** Region kinds a LOCAL_GOVERNMENT token may name: a county-level division or a development zone, never the city. */
const LOCAL_KINDS: ReadonlySet<string> = new Set(['DISTRICT', 'COUNTY', 'COUNTY_LEVEL_CITY', 'DEVELOPMENT_ZONE']);

export interface Authenticator {
  viewerOf(header: string | undefined): Promise<Viewer | null>;
}

/**
 * No header: anonymous (rules answer UNAUTHENTICATED where a viewer is needed). A bad, expired or forged
 * token: the whole request is refused, HTTP 401 with `extensions.code` UNAUTHENTICATED (RFC 6750) — the
 * caller meant to be someone, and silently serving it as anonymous would hide the problem.
 */
const TOKEN_CHECK = SystemScope.because('authentication: the account a bearer token names, before any viewer exists');

/**
 * ../shared/DESIGN.md §3: a deactivated user's tokens, and tokens issued before a password change, stop working at once.
 * A token names a hub user when it carries `tokenVersion` (minted by `login`) or its `sub` is a hub user's id
 * (a token minted before versions existed counts as version 0). Such a token is honoured only while the user
 * is active and its version is the user's: one primary-key read per request, never cached — a later cache of
 * verified signatures must keep this check — so every hub instance sharing the database agrees at once.
 * Any other `sub` is a caller of another city system and is not looked up.
 */
async function refuseIfRevoked(users: UserRepo, { viewer, tokenVersion }: VerifiedToken): Promise<void> {
  if (tokenVersion === null && !isUuid(viewer.sub)) return;
  const state = isUuid(viewer.sub) ? await users.tokenState(TOKEN_CHECK, viewer.sub.toLowerCase()) : undefined;
  if (!state) {
    if (tokenVersion === null) return;
    throw new UnauthenticatedError('The token names a hub user that does not exist');
  }
  if (!state.active) throw new UnauthenticatedError('The account is deactivated');
  if ((tokenVersion ?? 0) !== state.tokenVersion) {
    throw new UnauthenticatedError('The token was issued before a password change or a deactivation; log in again');
  }
}

export function authenticator(dataSource: DataSource, secret: string, maxLifetimeSeconds: number): Authenticator {
  const users = new UserRepo(dataSource.manager);
  const regions = new RegionRepo(dataSource.manager);
  // Regions are reference data and never change kind: a region once found county-level stays so.
  const local = new Set<string>();
  const isLocalRegion = async (id: string): Promise<boolean> => {
    if (local.has(id)) return true;
    const kind = await regions.kind(SystemScope.because(PUBLIC_REGIONS), id);
    if (kind && LOCAL_KINDS.has(kind)) local.add(id);
    return local.has(id);
  };
  const tokens = new VerifiedTokens(secret, maxLifetimeSeconds);
  return {
    async viewerOf(header) {
      try {
        const token = bearerToken(header);
        if (token === undefined) return null;
        // The signature check is remembered per token; whether it was revoked is read from the database every time.
        const verified = await tokens.verify(token);
        const { viewer } = verified;
        await refuseIfRevoked(users, verified);
        // ../shared/DESIGN.md §3: a local government sees its own county or zone; the city's own id would widen it to all.
        if (viewer.role === Role.LOCAL_GOVERNMENT && !(await isLocalRegion(viewer.regionId!))) {
          throw new UnauthenticatedError('A local-government token must name a county-level region or a development zone');
        }
        return viewer;
      } catch (err) {
        if (isDatabaseUnavailable(err)) {
          const unavailable = new ServiceUnavailableError();
          throw new GraphQLError(unavailable.message, { extensions: { code: unavailable.code, http: { status: 503 } } });
        }
        if (!(err instanceof UnauthenticatedError)) throw err;
        throw new GraphQLError(err.message, {
          extensions: {
            code: 'UNAUTHENTICATED',
            http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
          },
        });
      }
    },
  };
}
