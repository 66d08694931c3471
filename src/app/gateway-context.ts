import { createRequire } from 'node:module';
import path from 'node:path';

/** Apollo's module that builds the request context a gateway executor (app/executor.ts) is handed. */
export interface GatewayContextModule {
  makeGatewayGraphQLRequestContext: GatewayContextMaker;
}
export type GatewayContextMaker = (requestContext: ApolloRequestContext, ...rest: unknown[]) => unknown;
export interface ApolloRequestContext {
  response: { http: unknown; body?: unknown };
}

const LIGHT = Symbol('gateway context from a stand-in');

/**
 * Keeps a request's GraphQL result from outliving it on Apollo's gateway path.
 *
 * Apollo (5.x, `utils/makeGatewayGraphQLRequestContext.js`) gives the gateway context a `status` getter and setter
 * that close over Apollo's whole request context, the result included once it is executed. V8 makes such accessor
 * closures directly in the old generation, so every request's context stays reachable from old-generation objects
 * until the next full collection: measured on Node 20, each list page's result (~65 KB: its edges, strings and
 * cursors) survived the young-generation collections and was promoted, with a full collection every few seconds
 * under load. Here Apollo's own function is called on a stand-in: a copy of the request context whose `response`
 * holds only the same `http` (headers and status, which the accessors read and write), not the result; once Apollo
 * has copied what it needs, the stand-in's other fields are cleared, so the closures reach nothing of the request
 * but its status and headers (~5 KB promoted per page with them kept, ~3 KB cleared). The context Apollo builds is
 * the same, and `status` still reads and writes the request's own status. Should a later Apollo read more of its
 * argument lazily, the gateway context would lack it: the hub's executor reads `context`, `document`, `operation` and
 * `request`, so every request would fail, and test/unit/gateway-context.test.ts with them.
 *
 * Installed once, at start (app/server.ts). Apollo's module is found beside the package's entry point; should a
 * later Apollo move or rename it, nothing is installed and the hub works as before, only with more garbage.
 */
export function lightenGatewayContext(): boolean {
  const module = gatewayContextModule();
  if (module) lighten(module);
  return module !== undefined;
}

/** Makes the module's function build its context from a stand-in without the result (once: again changes nothing). */
export function lighten(module: GatewayContextModule): void {
  const original = module.makeGatewayGraphQLRequestContext;
  if (isLight(original)) return;
  const light: GatewayContextMaker = (requestContext, ...rest) => {
    const standIn: Record<string, unknown> & ApolloRequestContext = { ...requestContext, response: { http: requestContext.response.http } };
    const made = original(standIn, ...rest);
    // What Apollo copied is in `made`; the accessors need only `response.http`, so the stand-in keeps nothing else.
    for (const key of Object.keys(standIn)) if (key !== 'response') standIn[key] = undefined;
    return made;
  };
  (light as { [LIGHT]?: true })[LIGHT] = true;
  module.makeGatewayGraphQLRequestContext = light;
}

export function isLight(maker: GatewayContextMaker): boolean {
  return (maker as { [LIGHT]?: true })[LIGHT] === true;
}

/** Apollo's module, if it is where 5.x keeps it (beside the CommonJS entry point) and exports the function. */
export function gatewayContextModule(): GatewayContextModule | undefined {
  try {
    const load = createRequire(__filename);
    const entry = load.resolve('@apollo/server');
    const module = load(path.join(path.dirname(entry), 'utils', 'makeGatewayGraphQLRequestContext.js')) as Partial<GatewayContextModule>;
    return typeof module.makeGatewayGraphQLRequestContext === 'function' ? (module as GatewayContextModule) : undefined;
  } catch {
    return undefined;
  }
}
