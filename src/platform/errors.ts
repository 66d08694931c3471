import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from './db/unavailable';

/**
 * The error catalogue (../shared/DESIGN.md §4). Services throw these domain errors; resolvers do not catch; formatError
 * (and the shield's fallback) map them to GraphQL errors at the edge. Clients branch on `extensions.code`,
 * never on the message.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'POLICY_VIOLATION'
  | 'CREDIT_LINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'POLICY_VIOLATION',
  'CREDIT_LINE_EXCEEDED',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

/**
 * A refusal of the hub's rules, thrown by services and read by any caller — the GraphQL API or a command such
 * as the import CLI. A plain error, not a GraphQLError: `toGraphQLError` below is the one place that turns it
 * into what a GraphQL client sees (`extensions.code`, and `field` or `rule` where the catalogue names them).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field (path inside the input, 'borrower.identifier') a BAD_USER_INPUT is about; null when unknown. */
    readonly field?: string | null,
    /** The policy rule (../shared/DESIGN.md) a refusal names: 'R2', 'R6' … */
    readonly rule?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this', rule?: string) {
    super('FORBIDDEN', message, undefined, rule);
  }
}

export class BadInputError extends DomainError {
  declare readonly field: string | null;
  constructor(field: string | null, message: string) {
    super('BAD_USER_INPUT', message, field);
  }
}

export class PolicyViolationError extends DomainError {
  declare readonly rule: string;
  constructor(message: string, rule: string) {
    super('POLICY_VIOLATION', message, undefined, rule);
  }
}

export class CreditLineExceededError extends DomainError {
  constructor(message: string) {
    super('CREDIT_LINE_EXCEEDED', message, undefined, 'R6');
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/**
 * The database cannot serve the request now (down, restarting, no free connection in time, a lock or
 * statement timeout): HTTP 503, the client may try again (../shared/DESIGN.md §6 Failure).
 */
export class ServiceUnavailableError extends DomainError {
  constructor(message = 'The database is unavailable; try again shortly') {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/** A query over a depth, alias, token, directive or cost limit, refused before it runs (HTTP 400). Reported by
 * validation rules and plugins, so a GraphQLError itself. */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
  }
}

/** Too many login attempts, or the password checker is saturated (HTTP 429); try again after `retryAfter` seconds. */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
  }
}

/**
 * The edge: a domain error as a GraphQL error. BAD_USER_INPUT always carries `field` (../shared/DESIGN.md §4), null when
 * unknown; SERVICE_UNAVAILABLE carries its HTTP status for Apollo (formatError keeps `http` out of the body).
 */
export function toGraphQLError(err: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: err.code };
  if (err.code === 'BAD_USER_INPUT') extensions.field = err.field ?? null;
  if (err.rule !== undefined) extensions.rule = err.rule;
  if (err.code === 'SERVICE_UNAVAILABLE') extensions.http = { status: 503 };
  if (err instanceof TooManyRequestsError) {
    extensions.retryAfter = err.retryAfter;
    extensions.http = { status: 429, headers: new Map([['retry-after', String(err.retryAfter)]]) };
  }
  return new GraphQLError(err.message, { extensions, originalError: err });
}

/**
 * Apollo re-labels what a validation rule reports (GRAPHQL_VALIDATION_FAILED) and what the parser throws
 * (GRAPHQL_PARSE_FAILED); a limit's refusal keeps its own code. graphql-js's token limit says
 * "Document contains more than N tokens".
 */
function limitRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th\w+ \d+ tokens/.test(formatted.message);
  if (!(original instanceof QueryTooComplexError) && !tokens) return undefined;
  return { message: formatted.message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
}

/** PostgreSQL SQLSTATEs the hub turns into catalogue errors. */
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const INVALID_TEXT = '22P02';
/**
 * Maps an error that escaped a resolver to what the client sees. Known codes pass through;
 * a unique violation is a CONFLICT; anything else is logged by the caller and masked.
 */
export function toClientError(err: unknown): GraphQLError | undefined {
  if (err instanceof DomainError) return toGraphQLError(err);
  if (err instanceof GraphQLError && KNOWN_CODES.has(String(err.extensions?.code))) return err;
  const pgCode = (err as { code?: string } | null)?.code;
  if (pgCode === UNIQUE_VIOLATION) return toGraphQLError(new ConflictError('A record with the same key already exists'));
  // The database does not say which input it was: field null.
  if (pgCode === CHECK_VIOLATION) return toGraphQLError(new BadInputError(null, 'A value is outside what the hub accepts'));
  if (pgCode === INVALID_TEXT) return toGraphQLError(new BadInputError(null, 'A value has the wrong form'));
  if (isDatabaseUnavailable(err)) return toGraphQLError(new ServiceUnavailableError());
  return undefined;
}

/** Apollo `formatError`: a raw database or program message never reaches a client. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log?: (err: unknown) => void): GraphQLFormattedError {
  const refused = limitRefusal(formatted, error);
  if (refused) return refused;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _drop, http: _status, ...extensions } = formatted.extensions ?? {};
    if (code === 'BAD_USER_INPUT' && !('field' in extensions)) extensions.field = coercedField(formatted.message);
    return { ...formatted, extensions };
  }
  // graphql-js and Apollo's own request errors (syntax, validation, variable coercion) are the client's fault.
  if (
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'BAD_REQUEST' ||
    code === 'PERSISTED_QUERY_NOT_FOUND' ||
    code === 'OPERATION_RESOLUTION_FAILURE'
  ) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const mapped = toClientError(original);
  if (mapped) {
    // The HTTP status of a mapped error is set by the server (app/server.ts), not shown in the body.
    const { http: _status, ...extensions } = mapped.extensions;
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  log?.(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The input a variable-coercion error of graphql-js is about (a scalar refused "1e6", a required field
 * missing), named as the services name fields: the path inside an input object ('loanAmount',
 * 'borrower.identifier'), else the variable ('releasedOn'). Null when the message is not one of those.
 */
export function coercedField(message: string): string | null {
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message)?.[1];
  if (!variable) return null;
  const at = / at "([^"]+)"/.exec(message)?.[1];
  const missing = /Field "([A-Za-z_][A-Za-z0-9_]*)" of required type/.exec(message)?.[1];
  const path = [at ?? variable, missing].filter(Boolean).join('.');
  return path.startsWith(`${variable}.`) ? path.slice(variable.length + 1) : path;
}
