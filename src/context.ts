import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { Scope } from './auth/scope';
import type { TokenSettings } from './auth/token';
import type { Viewer } from './auth/viewer';
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
}

export function buildContext(manager: EntityManager, viewer: Viewer | null, log: Logger, tokens?: TokenSettings): Context {
  const scope = new Scope(viewer);
  return {
    viewer,
    scope,
    manager,
    services: new Services(manager, viewer, scope, log, tokens),
    loaders: new Loaders(manager, scope),
    log,
  };
}

export function contextFor(dataSource: DataSource, viewer: Viewer | null, log: Logger): Context {
  return buildContext(dataSource.manager, viewer, log);
}
