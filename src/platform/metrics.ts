import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the database pool reports: pg-pool's counters. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export type Outcome = 'ok' | 'client_error' | 'server_error';

/**
 * The hub's Prometheus metrics (../shared/DESIGN.md §4), in a registry of their own (not prom-client's global one),
 * so that several hubs in one process — the tests — do not share counters.
 *
 * Label values a client chooses (an operation name) are bounded: a name that is not a GraphQL name becomes
 * `invalid`, and past MAX_OPERATIONS distinct names every new one is `other`, so no client can grow the registry
 * without bound.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly latency: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly operations = new Set<string>();

  constructor(pool: () => PoolStats | undefined, poolMax: number) {
    const registers = [this.registry];
    // process_* and nodejs_* (event-loop lag among them), under the names every Node dashboard expects.
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'hub_requests_total',
      help: 'HTTP requests answered, by GraphQL operation name (or route) and outcome',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'hub_request_duration_seconds',
      help: 'Time from the request arriving to its response being sent, by operation and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'hub_graphql_errors_total',
      help: 'GraphQL errors in responses, by extensions.code',
      labelNames: ['code'],
      registers,
    });
    const poolGauge = (name: string, help: string, read: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const stats = pool();
          if (stats) this.set(read(stats));
        },
      });
    poolGauge('hub_db_pool_connections_total', 'Connections the database pool holds (busy and idle)', (s) => s.totalCount);
    poolGauge('hub_db_pool_connections_idle', 'Idle connections in the database pool', (s) => s.idleCount);
    poolGauge('hub_db_pool_waiting_requests', 'Requests waiting for a database connection', (s) => s.waitingCount);
    new Gauge({ name: 'hub_db_pool_connections_max', help: 'DATABASE_POOL_SIZE', registers }).set(poolMax);
  }

  observeRequest(operation: string, outcome: Outcome, seconds: number): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, outcome });
    this.latency.observe({ operation: label, outcome }, seconds);
  }

  countErrors(codes: readonly string[]): void {
    for (const code of codes) this.errors.inc({ code: /^[A-Z][A-Z_]{0,39}$/.test(code) ? code : 'OTHER' });
  }

  private operationLabel(operation: string): string {
    if (!/^[A-Za-z_/][A-Za-z0-9_ /.-]{0,99}$/.test(operation)) return 'invalid';
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(operation);
    return operation;
  }
}

export const MAX_OPERATIONS = 200;
