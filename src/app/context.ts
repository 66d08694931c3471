import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { Scope } from '../access/scope';
import type { TokenSettings } from '../access/token';
import type { Viewer } from '../access/viewer';
import type { LoginRequest } from '../modules/user/login-guard';
import { Loaders } from './loaders';
import { Services } from './services';

/** Per-request state; resolvers are singletons and take everything request-bound from here. */
export interface Context {
  readonly viewer: Viewer | null;
  readonly scope: Scope;
  readonly manager: EntityManager;
  readonly services: Services;
  readonly loaders: Loaders;
  readonly log: Logger;
  /** For minting tokens at login; absent where no login can happen (scripts). */
  readonly tokens?: TokenSettings;
  /** The login throttle and the caller's address (HTTP only). */
  readonly login?: LoginRequest;
}

export function buildContext(
  manager: EntityManager,
  viewer: Viewer | null,
  log: Logger,
  tokens?: TokenSettings,
  login?: LoginRequest,
): Context {
  const scope = new Scope(viewer);
  return {
    viewer,
    scope,
    manager,
    services: new Services(manager, viewer, scope, log, tokens, login),
    loaders: new Loaders(manager, scope),
    log,
    tokens,
    login,
  };
}

/** The same request's context over another connection: a mutation's unit of work (app/unit-of-work.ts). */
export function bindContext(ctx: Context, manager: EntityManager): Context {
  return buildContext(manager, ctx.viewer, ctx.log, ctx.tokens, ctx.login);
}

export function contextFor(dataSource: DataSource, viewer: Viewer | null, log: Logger): Context {
  return buildContext(dataSource.manager, viewer, log);
}
