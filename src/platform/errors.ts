import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The error catalogue (DESIGN.md §4). Services throw these; resolvers do not catch.
 * Clients branch on `extensions.code`, never on the message.
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

export class HubError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class UnauthenticatedError extends HubError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends HubError {
  constructor(message = 'Your role may not do this') {
    super('FORBIDDEN', message);
  }
}

export class BadInputError extends HubError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class PolicyViolationError extends HubError {
  constructor(
    message: string,
    readonly rule: string,
  ) {
    super('POLICY_VIOLATION', message, { rule });
  }
}

export class CreditLineExceededError extends HubError {
  constructor(message: string) {
    super('CREDIT_LINE_EXCEEDED', message, { rule: 'R6' });
  }
}

export class NotFoundError extends HubError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }
}

export class ConflictError extends HubError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/** A query over a depth, alias, token, directive or cost limit, refused before it runs (HTTP 400). */
export class QueryTooComplexError extends HubError {
  constructor(message: string) {
    super('QUERY_TOO_COMPLEX', message, { http: { status: 400 } });
  }
}

/** Too many login attempts, or the password checker is saturated (HTTP 429); try again after `retryAfter` seconds. */
export class TooManyRequestsError extends HubError {
  constructor(message: string, retryAfter: number) {
    super('TOO_MANY_REQUESTS', message, {
      retryAfter,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    });
  }
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
export function toClientError(err: unknown): HubError | GraphQLError | undefined {
  if (err instanceof GraphQLError && KNOWN_CODES.has(String(err.extensions?.code))) return err;
  const pgCode = (err as { code?: string } | null)?.code;
  if (pgCode === UNIQUE_VIOLATION) return new ConflictError('A record with the same key already exists');
  // DESIGN.md §4: BAD_USER_INPUT carries extensions.field; the database does not say which input it was.
  if (pgCode === CHECK_VIOLATION) return new HubError('BAD_USER_INPUT', 'A value is outside what the hub accepts', { field: null });
  if (pgCode === INVALID_TEXT) return new HubError('BAD_USER_INPUT', 'A value has the wrong form', { field: null });
  return undefined;
}

/** Apollo `formatError`: a raw database or program message never reaches a client. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log?: (err: unknown) => void): GraphQLFormattedError {
  const refused = limitRefusal(formatted, error);
  if (refused) return refused;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
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
  if (mapped) return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
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
