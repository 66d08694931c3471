/**
 * Connection exceptions (08…), the server shutting down, crashed or starting (57P01–57P03), too many
 * connections (53300), statement timeout (57014), lock timeout (55P03), idle-in-transaction timeout (25P03),
 * and the socket errors of a server that is not there.
 */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  ...['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300', '57014', '55P03', '25P03'],
  ...['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'],
]);
/** What pg and pg-pool say, without a code, when a connection ends or none comes in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/**
 * TypeORM's word for a transaction whose connection broke under it (the server died mid-request): its
 * remaining statements, the COMMIT included, are refused, so nothing of it was committed.
 */
const BROKEN_RUNNER: ReadonlySet<string> = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** Whether an error (or the driver error or cause it wraps) says the database cannot serve now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const { code, message, name, driverError, cause } = err as Record<string, unknown>;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof name === 'string' && BROKEN_RUNNER.has(name)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** Timeouts are the statement's own doing: running it again on the primary would only double its cost. */
const NOT_THE_REPLICAS_FAULT: ReadonlySet<string> = new Set(['57014', '55P03', '25P03']);

export function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether the primary should answer what a read replica could not (platform/db/replicas.ts). */
export function replicaFailed(err: unknown): boolean {
  const code = codeOf(err);
  if (code !== undefined && NOT_THE_REPLICAS_FAULT.has(code)) return false;
  // 40001 on a standby: "canceling statement due to conflict with recovery"; 25006: a write reached it.
  return isDatabaseUnavailable(err) || code === '40001' || code === '25006';
}
