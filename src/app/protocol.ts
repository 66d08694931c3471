import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/** Request errors Apollo answers with 400 before any field runs (syntax, validation, variable coercion). */
const REQUEST_ERRORS: ReadonlySet<string> = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP §"application/json": a server answering with the legacy `application/json` media type
 * SHOULD use 200 even for a request that fails to parse, validate or coerce its variables (the client reads
 * the errors from the body); with `application/graphql-response+json` those are 400, as Apollo answers.
 * Apollo answers 400 for both, failing three SHOULDs of the graphql-http audit; this puts them right.
 * QUERY_TOO_COMPLEX keeps its 400 whatever the media type (../shared/DESIGN.md §6).
 */
export const legacyJsonStatus: ApolloServerPlugin<Context> = {
  async requestDidStart({ request }) {
    return {
      async willSendResponse({ response }) {
        if (!answersLegacyJson(request.http?.headers.get('accept'))) return;
        if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
        // The formatted errors: a limit's refusal reads QUERY_TOO_COMPLEX here (formatError), not VALIDATION_FAILED.
        const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code));
        if (response.http.status === 400 && codes.length > 0 && codes.every((c) => REQUEST_ERRORS.has(c))) response.http.status = 200;
      },
    };
  },
};

/**
 * Whether Apollo answers `application/json` (not `application/graphql-response+json`) to this Accept header:
 * the same choice as its content negotiation — the higher q wins, a tie goes to application/json.
 */
export function answersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const q = (type: string): number => {
    let best = 0;
    for (const part of accept.split(',')) {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const matches = range === type || range === '*/*' || range === 'application/*';
      if (!matches) continue;
      const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      // An exact range outranks a wildcard of the same q.
      best = Math.max(best, (weight === undefined ? 1 : Number(weight)) + (range === type ? 1e-6 : 0));
    }
    return best;
  };
  return q('application/json') >= q('application/graphql-response+json');
}
