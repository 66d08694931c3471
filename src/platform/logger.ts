import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

/*
 * ../shared/DESIGN.md §6 "Nothing without a trace" and "No identity leaks": logs never carry
 * identifiers, names, passwords, tokens or request bodies. Two layers: redaction of the keys that hold them, whichever
 * object logs them; and an error serializer that drops what a failed statement carries (its SQL and parameters, the
 * driver's `detail` that quotes a conflicting key) and the values PostgreSQL quotes in its messages.
 */
const REDACTED_PATHS = [
  // credentials
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.token',
  '*.authorization',
  '*.secret',
  '*.jwtSecret',
  '*.metricsToken',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  // people's names and accounts
  '*.username',
  '*.fullName',
  '*.phone',
  // borrower identity
  '*.identifier',
  '*.borrowerIdentifier',
  '*.borrowerName',
  '*.creditCode',
  '*.borrower',
  // request bodies and what is bound into statements
  'body',
  '*.body',
  'variables',
  '*.variables',
  'parameters',
  '*.parameters',
  // GraphQL documents may hold literal arguments (an identifier typed into a query)
  'query',
  '*.query',
];

/** Keys of a database error (TypeORM's QueryFailedError, pg's DatabaseError) that quote the statement or its values. */
const STATEMENT_KEYS = ['query', 'parameters', 'driverError', 'detail', 'where', 'internalQuery', 'hint', 'body'];

/** A database message's quoted values ('invalid input syntax for type uuid: "…"') replaced by an ellipsis. */
export function withoutQuotedValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)');
}

/** A statement's failure: TypeORM's wrapper (query, parameters) or the driver's error (a 5-character SQLSTATE). */
function fromDatabase(err: Error): boolean {
  return 'query' in err || 'driverError' in err || /^[0-9A-Z]{5}$/.test(String((err as { code?: unknown }).code));
}

/** An error's message as it may be printed: a database message without the values it quotes. */
export function safeMessage(err: Error): string {
  return fromDatabase(err) ? withoutQuotedValues(err.message) : err.message;
}

/** pino's error serializer, without the statement, its parameters or the values a database message quotes. */
export function safeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) || depth > 3) return err;
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const key of STATEMENT_KEYS) delete out[key];
  if (fromDatabase(err)) {
    out.message = withoutQuotedValues(String(out.message ?? ''));
    out.stack = typeof out.stack === 'string' ? withoutQuotedValues(out.stack) : out.stack;
  }
  if ('cause' in err && err.cause !== undefined) out.cause = safeError(err.cause, depth + 1);
  return out;
}

/**
 * The request a line belongs to (../shared/DESIGN.md §4: a request id on every line of a request). Held in async
 * context, not only in a child logger, so that lines logged far from the request's context object — formatError,
 * the shield's fallback, Apollo plugins — carry it too.
 */
const currentRequest = new AsyncLocalStorage<RequestTrace>();

/** What the access line and the metrics say of a request, filled in as it is served. */
export interface RequestTrace {
  readonly reqId: string;
  /** The GraphQL operation's name ('anonymous' when it has none); null until one is resolved, and off /graphql. */
  operation: string | null;
  role: string | null;
  /** `extensions.code` of each error answered. */
  errorCodes: string[];
}

/** Runs `fn` (and everything it awaits or schedules) as part of the request `trace` describes. */
export function withRequest<T>(trace: RequestTrace, fn: () => T): T {
  return currentRequest.run(trace, fn);
}

/** The request being served in this async context, if any. */
export function currentRequestTrace(): RequestTrace | undefined {
  return currentRequest.getStore();
}

export function currentRequestId(): string | undefined {
  return currentRequest.getStore()?.reqId;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'liaocheng-guarantee-hub' },
    mixin: () => {
      const reqId = currentRequestId();
      return reqId === undefined ? {} : { reqId };
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: safeError, error: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
