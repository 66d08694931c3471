import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { Role } from '../access/roles';
import { bearerToken } from '../access/token';
import { VerifiedTokens } from '../access/token-cache';
import type { Viewer } from '../access/viewer';
import { UnauthenticatedError } from '../platform/errors';

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
export function authenticator(dataSource: DataSource, secret: string, maxLifetimeSeconds: number): Authenticator {
  // Regions are reference data and never change kind: a region once found county-level stays so.
  const local = new Set<string>();
  const isLocalRegion = async (id: string): Promise<boolean> => {
    if (local.has(id)) return true;
    const [row] = (await dataSource.query('SELECT kind FROM region WHERE id = $1', [id])) as { kind: string }[];
    if (row && LOCAL_KINDS.has(row.kind)) local.add(id);
    return local.has(id);
  };
  const tokens = new VerifiedTokens(secret, maxLifetimeSeconds);
  return {
    async viewerOf(header) {
      try {
        const token = bearerToken(header);
        if (token === undefined) return null;
        const viewer = await tokens.viewerOf(token);
        // ../shared/DESIGN.md §3: a local government sees its own county or zone; the city's own id would widen it to all.
        if (viewer.role === Role.LOCAL_GOVERNMENT && !(await isLocalRegion(viewer.regionId!))) {
          throw new UnauthenticatedError('A local-government token must name a county-level region or a development zone');
        }
        return viewer;
      } catch (err) {
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
