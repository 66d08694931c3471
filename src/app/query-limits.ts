import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  GraphQLError,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_LIMITS, type Limits } from '../platform/config';
import { QueryTooComplexError } from '../platform/errors';
import type { Context } from './context';

/** A list field without `first:` (a guarantee's compensations, the regions) is assumed to hold this many items. */
export const ASSUMED_LIST_SIZE = 20;
/** What a connection serves when the client gives no `first:` (guarantees, auditLog). */
const DEFAULT_PAGE = 50;

export interface QueryLimits {
  readonly validationRules: ValidationRule[];
  readonly plugins: ApolloServerPlugin<Context>[];
  readonly parseOptions: { maxTokens: number };
}

/**
 * ../shared/DESIGN.md §6 "Abuse": a query over a limit is refused before it runs, with QUERY_TOO_COMPLEX and HTTP 400.
 * Tokens stop the parser itself (graphql-js `maxTokens`), so a 600 KB document is never built; depth, aliases
 * (counted through every fragment spread) and directives are graphql-armor's validation rules; the cost is
 * graphql-query-complexity's, after validation, because only then are the variables (`first: $n`) known.
 */
export function queryLimits(limits: Limits = DEFAULT_LIMITS, production = false): QueryLimits {
  const refuse = (ctx: ValidationContext | null, error: GraphQLError) =>
    ctx?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error: /, '')));
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [refuse] };
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.queryMaxDepth, flattenFragments: true, ignoreIntrospection: false },
    maxAliases: { ...common, n: limits.queryMaxAliases },
    maxDirectives: { ...common, n: limits.queryMaxDirectives },
    // Tokens are the parser's own limit (parseOptions below); cost is ours, as armor's knows no `first:`.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // With introspection closed to anonymous callers, "Did you mean …" must not describe the schema instead.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[]), costLimit(limits.queryMaxCost), introspectionGate(production)],
    parseOptions: { maxTokens: limits.queryMaxTokens },
  };
}

/** Objects a field makes the hub resolve: a list multiplies its items by `first:` or an assumed size. */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is bounded by the schema's size (and graphql-js's own MaxIntrospectionDepthRule).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  // A connection (guarantees, auditLog) serves `first:` items, DEFAULT_PAGE without it.
  if (field.args.some((a) => a.name === 'first')) {
    return (typeof args.first === 'number' ? Math.max(args.first, 0) : DEFAULT_PAGE) * (1 + childComplexity);
  }
  if (!isList(field.type)) return isLeaf(field.type) ? 0 : 1 + childComplexity;
  // A connection's edges are its `first:` items, already counted on the connection field.
  if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
  return isLeaf(field.type) ? 0 : ASSUMED_LIST_SIZE * (1 + childComplexity);
};

function isList(t: GraphQLOutputType): boolean {
  return isListType(isNonNullType(t) ? t.ofType : t);
}

/** A scalar or enum (or a list of them): no resolver work beyond its row. */
function isLeaf(t: GraphQLOutputType): boolean {
  const named = getNamedType(t);
  return !('getFields' in named);
}

/** Variable sets remembered per document: enough for the pages a client reads, bounded against a scan. */
const COSTS_PER_DOCUMENT = 64;

function costLimit(maxCost: number): ApolloServerPlugin<Context> {
  // Per parsed document (Apollo keeps parsed documents in its store, so one query text is one document).
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          // The same document with the same variables costs the same: asked again (a dashboard polling, a page
          // read by many), the walk is not repeated.
          const key = `${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          const cached = known?.get(key);
          if (cached !== undefined) {
            if (cached > maxCost) throw new QueryTooComplexError(`Query cost limit of ${maxCost} exceeded, found ${cached}.`);
            return;
          }
          let cost: number;
          try {
            // maxQueryNodes bounds the estimate's own work: a fan-out of fragments is not walked 10^9 times.
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables,
              estimators: [estimator],
              maxQueryNodes: 20_000,
            });
          } catch (err) {
            if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
              throw new QueryTooComplexError('The query has too many fields once its fragments are expanded');
            }
            // Variables that do not coerce: execution refuses them next, as BAD_USER_INPUT with their field.
            return;
          }
          if (!known) costs.set(document, (known = new Map()));
          if (known.size < COSTS_PER_DOCUMENT && key.length <= 4_096) known.set(key, cost);
          if (cost > maxCost) throw new QueryTooComplexError(`Query cost limit of ${maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
}

/** ../shared/DESIGN.md §6: in production, introspection needs a signed-in viewer (development keeps the explorer open). */
function introspectionGate(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!production) return {};
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.viewer || !operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          if (introspects(operation, fragments)) {
            throw new GraphQLError('Introspection needs a signed-in caller', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}

/** `__schema` and `__type` exist only on the query root; fragments and inline fragments there are followed. */
function introspects(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__schema' || s.name.value === '__type';
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      const name = s.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment ? walk(fragment.selectionSet) : false;
    });
  return walk(operation.selectionSet);
}
