import crypto from 'node:crypto';
import net from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config, MetricsAccess } from '../platform/config';
import { currentRequestTrace, withRequest, type RequestTrace } from '../platform/logger';
import { HubMetrics, type Outcome, type PoolStats } from '../platform/metrics';
import type { Context } from './context';

/**
 * ../shared/DESIGN.md §4 "Logs" and "/metrics": every request gets an id (the caller's `x-request-id` when it is
 * a sane one, else a new UUID), echoed in the response; every log line written while serving it carries that id
 * (logger.ts keeps it in async context); and when the response is sent, one access line and the metrics.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptedRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : undefined;
}

/** Routes whose first path segment names them in the metrics; anything else is `other` (a scan must not add labels). */
const ROUTES: ReadonlySet<string> = new Set(['graphql', 'healthz', 'metrics', 'explorer', 'exports', 'dashboard']);

export function createMetrics(dataSource: DataSource, config: Config): HubMetrics {
  const pool = () => (dataSource.isInitialized ? ((dataSource.driver as { master?: PoolStats }).master ?? undefined) : undefined);
  return new HubMetrics(pool, config.database.poolSize);
}

export function traceRequests(log: Logger, metrics: HubMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const trace: RequestTrace = {
      reqId: acceptedRequestId(req.headers['x-request-id']) ?? crypto.randomUUID(),
      operation: null,
      role: null,
      errorCodes: [],
    };
    res.setHeader('x-request-id', trace.reqId);
    res.locals.trace = trace;
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.originalUrl.split('?')[0].slice(0, 200);
      const segment = path.split('/')[1] ?? '';
      const route = ROUTES.has(segment) ? segment : 'other';
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first (nginx's code)
      const outcome = outcomeOf(status, trace.errorCodes);
      metrics.observeRequest(route === 'graphql' ? (trace.operation ?? 'graphql') : `/${route}`, outcome, seconds);
      metrics.countErrors(trace.errorCodes);
      withRequest(trace, () =>
        log[status >= 500 ? 'warn' : 'info'](
          {
            method: req.method,
            path,
            operation: trace.operation,
            status,
            durationMs: Math.round(seconds * 10_000) / 10,
            role: trace.role,
            ...(trace.errorCodes.length ? { errors: trace.errorCodes } : {}),
          },
          'request',
        ),
      );
    });
    withRequest(trace, next);
  };
}

/** After a body parser: its callbacks run outside the request's async context, so enter it again. */
export const reenterRequest: RequestHandler = (_req, res, next) => {
  const trace = res.locals.trace as RequestTrace | undefined;
  if (trace) withRequest(trace, next);
  else next();
};

/** Keeps the codes of an error answered outside Apollo (the body limits) in the trace, then passes it on. */
export const traceBodyErrors: ErrorRequestHandler = (err: { type?: string }, _req, res, next) => {
  const trace = res.locals.trace as RequestTrace | undefined;
  if (trace && typeof err?.type === 'string') trace.errorCodes.push('BAD_REQUEST');
  next(err);
};

const SERVER_CODES: ReadonlySet<string> = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

function outcomeOf(status: number, codes: readonly string[]): Outcome {
  if (status >= 500 || codes.some((c) => SERVER_CODES.has(c))) return 'server_error';
  if (status >= 400 || codes.length > 0) return 'client_error';
  return 'ok';
}

/** The operation's name, the caller's role and the codes of the errors answered, into the request's trace. */
export const traceGraphQL: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const trace = currentRequestTrace();
    if (trace) trace.role = contextValue.viewer?.role ?? null;
    return {
      async willSendResponse({ operationName, operation, response }) {
        if (!trace) return;
        trace.operation = operationName ?? (operation ? 'anonymous' : null);
        if (response.body.kind === 'single') {
          for (const e of response.body.singleResult.errors ?? []) trace.errorCodes.push(String(e.extensions?.code ?? 'UNKNOWN'));
        }
      },
    };
  },
};

/** A refusal before Apollo's plugins run (a bad token: the context could not be built), into the trace. */
export function traceRefusal(code: string): void {
  currentRequestTrace()?.errorCodes.push(code);
}

/**
 * GET /metrics for the addresses METRICS_ALLOW lists (loopback by default) or a caller presenting METRICS_TOKEN as
 * a bearer token (compared in constant time). The address is `req.ip`: the client TRUST_PROXY lets Express believe.
 * Without TRUST_PROXY, a request carrying X-Forwarded-For or Forwarded came through a proxy, so its loopback peer
 * says nothing of the client: only the token admits it.
 */
export function metricsEndpoint(access: MetricsAccess, metrics: HubMetrics, trustProxy: Config['trustProxy']): RequestHandler {
  const allowed = metricsAllowList(access);
  const token = access.token === undefined ? undefined : digest(access.token);
  return async (req, res) => {
    const proxiedUntrusted = trustProxy === false && (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined);
    const byAddress = !proxiedUntrusted && addressAllowed(allowed, req.ip);
    if (!byAddress && !(token !== undefined && tokenMatches(token, req))) {
      res.status(403).type('text/plain').send('forbidden: /metrics is open to the addresses in METRICS_ALLOW or to METRICS_TOKEN\n');
      return;
    }
    res.setHeader('cache-control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

function tokenMatches(expected: Buffer, req: Request): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m !== null && crypto.timingSafeEqual(digest(m[1]), expected);
}

export function metricsAllowList(access: MetricsAccess): net.BlockList {
  const list = new net.BlockList();
  for (const n of access.allow) list.addSubnet(n.address, n.prefix, n.family);
  return list;
}

/** Whether an address is on the list; an IPv4 peer on a dual-stack socket (::ffff:10.1.2.3) is read as IPv4. */
export function addressAllowed(list: net.BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return list.check(mapped[1], 'ipv4');
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
  return family !== undefined && list.check(address, family);
}
