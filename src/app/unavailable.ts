import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * ../shared/DESIGN.md §6 Failure: a request the database could not serve is answered 503 with SERVICE_UNAVAILABLE
 * (errors.ts maps the driver's errors to that code, in one place) and leaves one log line, without a stack:
 * while the database is down every request fails the same way, and a trace each would bury the log.
 */
export function unavailableAs503(log: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName, operation }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          // A domain error thrown where the shield does not wrap (an `allow` field such as login) reaches Apollo
          // without its HTTP status: TOO_MANY_REQUESTS is 429 with its Retry-After, wherever it was thrown.
          const throttled = errors.find((e) => e.extensions?.code === 'TOO_MANY_REQUESTS');
          if (throttled) {
            response.http.status = 429;
            const retryAfter = throttled.extensions?.retryAfter;
            if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
          }
          if (!errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          const fields = (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
          log.warn({ operation: operationName ?? operation?.operation ?? null, fields }, 'database unavailable: request answered 503');
        },
      };
    },
  };
}

/**
 * /healthz asks the database on a connection of its own, outside the request pool: a probe must not queue
 * behind a burst of writes (they wait their turn, bounded by the pool-wait timeout) to learn whether the
 * database answers. It answers within HEALTH_TIMEOUT_MS whatever the database does. A failing check is
 * logged when the state changes (up → down, down → up), not on every probe of a load balancer.
 */
const HEALTH_TIMEOUT_MS = 1_500;

export function healthCheck(dataSource: DataSource, log: Logger): { check: () => Promise<boolean>; close: () => Promise<void> } {
  const pool = new pg.Pool({
    // The hub's data sources are built from a URL (app/data-source.ts).
    connectionString: (dataSource.options as { url?: string }).url,
    max: 1,
    connectionTimeoutMillis: HEALTH_TIMEOUT_MS,
    query_timeout: HEALTH_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
    application_name: 'liaocheng-guarantee-hub-health',
  });
  pool.on('error', () => undefined); // an idle probe connection the server dropped: the next probe opens another
  let up = true;
  return {
    async check() {
      try {
        await pool.query('SELECT 1');
        if (!up) log.info('health check: database reachable again');
        up = true;
      } catch (err) {
        if (up) log.error({ reason: (err as Error).message }, 'health check failed: database unreachable');
        up = false;
      }
      return up;
    },
    close: () => pool.end(),
  };
}
