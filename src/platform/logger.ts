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
  'req.headers.authorization',
  'req.headers.cookie',
  // borrower identity
  '*.identifier',
  '*.borrowerIdentifier',
  '*.borrowerName',
  '*.creditCode',
  // request bodies and what is bound into statements
  'body',
  '*.body',
  'variables',
  '*.variables',
  'parameters',
  '*.parameters',
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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'liaocheng-guarantee-hub' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: safeError, error: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
