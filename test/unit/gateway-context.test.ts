import { describe, expect, it } from 'vitest';
import {
  gatewayContextModule,
  isLight,
  lighten,
  lightenGatewayContext,
  type ApolloRequestContext,
  type GatewayContextModule,
} from '../../src/app/gateway-context';
import { createApollo } from '../../src/app/server';
import { createLogger } from '../../src/platform/logger';

/**
 * app/gateway-context.ts: Apollo's gateway context is built from a stand-in that does not hold the request's result,
 * so the accessor closures Apollo makes (in V8's old generation) do not keep each result alive; the context built
 * must be the one Apollo builds, its `status` still the request's own.
 */
function requestContext(): ApolloRequestContext & Record<string, unknown> {
  const headers = new Map([['content-type', 'application/json']]);
  return {
    request: { query: '{ a }', operationName: 'A', variables: { x: 1 }, extensions: {}, http: { method: 'POST', headers, search: '?q=1' } },
    response: { http: { headers: new Map(), status: undefined }, body: { kind: 'single', singleResult: { data: { big: 'result' } } } },
    schema: { name: 'schema' },
    contextValue: { viewer: 'v' },
    queryHash: 'h',
    document: { kind: 'Document' },
    source: '{ a }',
    operationName: 'A',
    operation: { kind: 'OperationDefinition' },
    errors: undefined,
    metrics: { m: 1 },
    overallCachePolicy: { maxAge: 0 },
    requestIsBatched: false,
  };
}

describe('lighten', () => {
  it("hands Apollo's function a copy of the request context whose response holds only its http part, then clears it", () => {
    const seen: { standIn: ApolloRequestContext; atCall: Record<string, unknown> }[] = [];
    const module: GatewayContextModule = {
      makeGatewayGraphQLRequestContext: (rc) => {
        seen.push({ standIn: rc, atCall: { ...rc } });
        return 'made';
      },
    };
    lighten(module);
    const rc = requestContext();
    expect(module.makeGatewayGraphQLRequestContext(rc, 'server', 'internals')).toBe('made');
    expect(seen).toHaveLength(1);
    const { standIn, atCall } = seen[0];
    expect(standIn).not.toBe(rc);
    // At the call: every field of the request context, the same values, but a response without the result.
    expect(atCall.response).toEqual({ http: rc.response.http });
    expect((atCall.response as ApolloRequestContext['response']).http).toBe(rc.response.http);
    const { response: _a, ...rest } = atCall;
    const { response: _b, ...expected } = rc;
    expect(Object.keys(rest).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) expect(rest[key]).toBe(expected[key]);
    // After it: the stand-in (what Apollo's accessors close over) holds nothing but the response's http part.
    const kept = Object.entries(standIn).filter(([key, value]) => key !== 'response' && value !== undefined);
    expect(kept).toEqual([]);
    expect(standIn.response).toEqual({ http: rc.response.http });
    // The request context itself is untouched.
    expect(rc.contextValue).toEqual({ viewer: 'v' });
    expect(rc.response.body).toBeDefined();
  });

  it('is installed once: lightening again changes nothing', () => {
    const module: GatewayContextModule = { makeGatewayGraphQLRequestContext: () => undefined };
    lighten(module);
    const once = module.makeGatewayGraphQLRequestContext;
    lighten(module);
    expect(module.makeGatewayGraphQLRequestContext).toBe(once);
    expect(isLight(once)).toBe(true);
  });
});

describe("Apollo's gateway context", () => {
  it('is lightened once the hub builds its Apollo server', () => {
    createApollo(createLogger('silent'));
    const module = gatewayContextModule();
    expect(module).toBeDefined();
    expect(isLight(module!.makeGatewayGraphQLRequestContext)).toBe(true);
    expect(lightenGatewayContext()).toBe(true);
  });

  it('is the context Apollo builds, with a status that is the request’s own', () => {
    lightenGatewayContext();
    const rc = requestContext();
    const made = gatewayContextModule()!.makeGatewayGraphQLRequestContext(
      rc,
      { logger: 'log', cache: 'cache' },
      {
        includeStacktraceInErrorResponses: false,
      },
    ) as Record<string, unknown> & { request: Record<string, unknown>; response: { http: { status?: number } } };
    expect(made.context).toBe(rc.contextValue);
    expect(made.document).toBe(rc.document);
    expect(made.operationName).toBe('A');
    expect(made.logger).toBe('log');
    expect(made.request.query).toBe('{ a }');
    expect(made.request.variables).toBe((rc.request as { variables: unknown }).variables);
    expect(made.response.http.status).toBeUndefined();
    made.response.http.status = 202;
    expect((rc.response.http as { status?: number }).status).toBe(202);
    (rc.response.http as { status?: number }).status = 418;
    expect(made.response.http.status).toBe(418);
    expect(JSON.stringify(made)).not.toContain('big');
  });
});
