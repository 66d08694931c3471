import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { redactUrl, type ReplicaSettings } from '../config';
import { codeOf, replicaFailed } from './unavailable';

/**
 * Issue 13, read replicas (README "Scaling"). Read-only work goes to a streaming replica that is
 *  - a standby (pg_is_in_recovery(); a promoted or mistaken one would serve a diverged history),
 *  - reachable, and
 *  - no further behind than `maxLagMs`: every probe samples the primary's WAL position, and a replica's lag is
 *    the age of the oldest sample it has not replayed yet — measured on the hub's clock only, and zero for a
 *    replica that has everything, however long the primary has been idle (pg_last_xact_replay_timestamp() is not).
 * Read-your-writes: after a viewer's mutation the primary's WAL position is stored under the viewer's `sub` in
 * PostgreSQL (replica_read_fence), so every instance sends that viewer's reads to the primary until a replica
 * has replayed it, which is at most one probe interval on a healthy replica.
 * A statement outside a transaction that a replica fails to answer (connection lost, server stopped, recovery
 * conflict) is run again on the primary and the replica is skipped until a probe finds it usable: its loss
 * costs no request.
 */

/** A WAL position in bytes from 0/0. */
type Position = bigint;

const PROBE_TIMEOUT_MS = 1_500;
const POSITION = `(pg_current_wal_lsn() - '0/0')::bigint::text`;
const SQL = {
  primary: `SELECT ${POSITION} AS position`,
  replica: `SELECT pg_is_in_recovery() AS standby, (pg_last_wal_replay_lsn() - '0/0')::bigint::text AS replayed`,
  fence: `SELECT wal_position::text AS position FROM replica_read_fence WHERE viewer = $1`,
  wrote: `INSERT INTO replica_read_fence (viewer, wal_position) VALUES ($1, ${POSITION}::bigint)
          ON CONFLICT (viewer) DO UPDATE
          SET wal_position = greatest(replica_read_fence.wal_position, EXCLUDED.wal_position), written_at = now()`,
};

interface Replica {
  readonly name: string;
  readonly url: string;
  readonly probe: pg.Pool;
  source: DataSource | undefined;
  replayed: Position | null;
  usable: boolean;
  reason: string;
}

export interface ReplicaStatus {
  readonly name: string;
  readonly usable: boolean;
  readonly reason: string;
}

export class ReadReplicas {
  /** Read operations routed to the primary and to a replica, and statements a replica failed over to the primary. */
  readonly served = { primary: 0, replica: 0, failedOver: 0 };
  private readonly replicas: Replica[];
  private readonly primaryProbe: pg.Pool;
  private readonly samples: { at: number; position: Position }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private turn = 0;

  private constructor(
    private readonly primary: DataSource,
    private readonly settings: ReplicaSettings,
    private readonly open: (url: string) => DataSource,
    private readonly log: Logger,
  ) {
    this.primaryProbe = probePool((primary.options as { url?: string }).url);
    this.replicas = settings.urls.map((url) => ({
      name: redactUrl(url),
      url,
      probe: probePool(url),
      source: undefined,
      replayed: null,
      usable: false,
      reason: 'not probed yet',
    }));
  }

  /** Probes once (a replica unreachable now is retried at every probe), then every `probeIntervalMs`. */
  static async start(
    primary: DataSource,
    settings: ReplicaSettings,
    open: (url: string) => DataSource,
    log: Logger,
  ): Promise<ReadReplicas> {
    const replicas = new ReadReplicas(primary, settings, open, log);
    await replicas.probe();
    replicas.timer = setInterval(() => void replicas.probe(), settings.probeIntervalMs);
    replicas.timer.unref();
    return replicas;
  }

  /** Where a read-only operation of `viewer` (a token's `sub`; null: anonymous) runs. */
  async route(viewer: string | null): Promise<EntityManager> {
    const usable = this.replicas.filter((r) => r.usable && r.source);
    if (usable.length === 0) return this.onPrimary();
    let fence: Position | null = null;
    if (viewer !== null) {
      try {
        const [row] = (await this.primary.query(SQL.fence, [viewer])) as { position: string }[];
        fence = row ? BigInt(row.position) : null;
      } catch {
        // Whether the viewer's writes reached a replica cannot be known: the primary answers, or says it cannot (503).
        return this.onPrimary();
      }
    }
    const caughtUp = usable.filter((r) => fence === null || (r.replayed !== null && r.replayed >= fence));
    if (caughtUp.length === 0) return this.onPrimary();
    this.served.replica++;
    return caughtUp[this.turn++ % caughtUp.length].source!.manager;
  }

  /** After a viewer's write committed: their reads wait for a replica that has replayed it. */
  async wrote(viewer: string): Promise<void> {
    await this.primary.query(SQL.wrote, [viewer]);
  }

  status(): ReplicaStatus[] {
    return this.replicas.map(({ name, usable, reason }) => ({ name, usable, reason }));
  }

  /** Runs a probe now (after the one in progress, if any), for start-up and tests. */
  async probe(): Promise<void> {
    while (this.probing) await this.probing;
    this.probing = this.probeAll().finally(() => (this.probing = undefined));
    return this.probing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    while (this.probing) await this.probing;
    for (const r of this.replicas) {
      await r.probe.end();
      if (r.source?.isInitialized) await r.source.destroy();
    }
    await this.primaryProbe.end();
  }

  private onPrimary(): EntityManager {
    this.served.primary++;
    return this.primary.manager;
  }

  private async probeAll(): Promise<void> {
    let position: Position;
    try {
      const { rows } = await this.primaryProbe.query<{ position: string }>(SQL.primary);
      position = BigInt(rows[0].position);
    } catch {
      // Without the primary's position no lag can be known; its own reads fail over to 503 anyway.
      for (const r of this.replicas) this.mark(r, false, 'the primary did not answer the probe');
      return;
    }
    const now = Date.now();
    this.samples.push({ at: now, position });
    const keep = this.settings.maxLagMs + 2 * this.settings.probeIntervalMs;
    while (this.samples.length > 1 && this.samples[1].at < now - keep) this.samples.shift();
    await Promise.all(this.replicas.map((r) => this.probeReplica(r, now)));
  }

  private async probeReplica(r: Replica, now: number): Promise<void> {
    try {
      const { rows } = await r.probe.query<{ standby: boolean; replayed: string | null }>(SQL.replica);
      if (!rows[0].standby) return this.mark(r, false, 'not a standby (promoted, or the primary itself)');
      r.replayed = rows[0].replayed === null ? null : BigInt(rows[0].replayed);
      const lag = this.lagOf(r.replayed, now);
      if (lag > this.settings.maxLagMs) return this.mark(r, false, `behind by more than ${this.settings.maxLagMs} ms`);
      r.source ??= await this.openSource(r);
      this.mark(r, true, 'in use');
    } catch (err) {
      this.mark(r, false, `unreachable: ${(err as Error).message}`);
    }
  }

  /**
   * Milliseconds since the primary first had WAL the replica has not replayed: 0 when it has everything the
   * last sample saw; unknown (infinite) when it lacks even the oldest sample kept.
   */
  private lagOf(replayed: Position | null, now: number): number {
    if (replayed === null) return Infinity;
    const first = this.samples.findIndex((s) => s.position > replayed);
    if (first === -1) return 0;
    return first === 0 ? Infinity : now - this.samples[first].at;
  }

  private async openSource(r: Replica): Promise<DataSource> {
    const source = this.open(r.url);
    const create = source.createQueryRunner.bind(source);
    source.createQueryRunner = (mode) => this.failingOver(create(mode), r);
    try {
      await source.initialize();
    } catch (err) {
      if (source.isInitialized) await source.destroy().catch(() => undefined);
      throw err;
    }
    return source;
  }

  /** A replica's runner whose statements, outside a transaction, are answered by the primary when the replica fails. */
  private failingOver(runner: QueryRunner, r: Replica): QueryRunner {
    const query = runner.query.bind(runner) as (sql: string, params?: unknown[], structured?: boolean) => Promise<unknown>;
    const failOver = async (sql: string, params?: unknown[], structured?: boolean): Promise<unknown> => {
      try {
        return await query(sql, params, structured);
      } catch (err) {
        if (runner.isTransactionActive || !replicaFailed(err)) throw err;
        this.served.failedOver++;
        if (codeOf(err) === '25006') this.log.warn({ replica: r.name }, 'a read-only operation tried to write: the primary ran it');
        else this.mark(r, false, `failed: ${(err as Error).message}`);
        const primary = this.primary.createQueryRunner();
        try {
          return await (primary.query as typeof query)(sql, params, structured);
        } finally {
          await primary.release();
        }
      }
    };
    runner.query = failOver as QueryRunner['query'];
    return runner;
  }

  /** Logs a change of state, not every probe. */
  private mark(r: Replica, usable: boolean, reason: string): void {
    if (usable && !r.usable) this.log.info({ replica: r.name }, 'read replica in use');
    if (!usable && (r.usable || r.reason === 'not probed yet')) {
      this.log.warn({ replica: r.name, reason }, 'read replica skipped: the primary serves its reads');
    }
    r.usable = usable;
    r.reason = reason;
  }
}

/** One connection per server for probes, outside the request pools, so a probe never queues behind requests. */
function probePool(url: string | undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
    allowExitOnIdle: true,
    application_name: 'liaocheng-guarantee-hub-replica-probe',
  });
  pool.on('error', () => undefined); // the next probe opens another connection
  return pool;
}
