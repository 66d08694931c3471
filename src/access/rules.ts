import { rule } from 'graphql-shield';
import type { Context } from '../app/context';
import { UnauthenticatedError } from '../platform/errors';
import { READERS } from './readers';
import { Role } from './roles';

/**
 * Shared predicates for the per-module rules files. A missing viewer is UNAUTHENTICATED; a viewer
 * whose role no rule names is FORBIDDEN (the shield's fallbackError).
 */
export const isSignedIn = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) => (ctx.viewer ? true : new UnauthenticatedError()));

const byName = new Map<string, ReturnType<ReturnType<typeof rule>>>();

/** Any of the given roles. One rule instance per set of roles: the shield caches results by rule name. */
export function hasRole(...roles: Role[]) {
  const allowed = new Set(roles);
  const name = `hasRole(${[...allowed].sort().join(',')})`;
  let found = byName.get(name);
  if (!found) {
    found = rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
      if (!ctx.viewer) return new UnauthenticatedError();
      return allowed.has(ctx.viewer.role);
    });
    byName.set(name, found);
  }
  return found;
}

/** Every role but the given ones. */
export function anyRoleBut(...roles: Role[]) {
  return hasRole(...Object.values(Role).filter((r) => !roles.includes(r)));
}

/**
 * "All business data" (../shared/DESIGN.md §3): the government readers of READERS.business, the holding group, the
 * institution and the bank. Which rows each then sees is decided by scope.ts.
 */
export const BUSINESS_READERS: readonly Role[] = [...READERS.business, Role.HOLDING_GROUP, Role.GUARANTEE_INSTITUTION, Role.BANK];

/** Readers of claims (R7, R8): the government readers of READERS.claims, the holding group and the institution; rows are scope.claims. */
export const CLAIM_READERS: readonly Role[] = [...READERS.claims, Role.HOLDING_GROUP, Role.GUARANTEE_INSTITUTION];
