import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { DEFAULT_DATABASE_LIMITS, type DatabaseLimits } from '../platform/config';
import '../platform/db/one-query-at-a-time';
import '../platform/db/callback-queries';
import { installRowDecoding } from '../platform/db/row-decoding';

// A PostgreSQL `date` is a calendar day: read it as its 'YYYY-MM-DD' text, never as a JS Date at
// some midnight that a time zone can move to the day before.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// One string per row instead of one per column, for every statement the hub sends.
installRowDecoding();

export interface DataSourceOptions extends Partial<DatabaseLimits> {
  /** An idle pooled connection that fails (the server went away): the pool drops it and opens a new one when asked. */
  onPoolError?: (err: Error) => void;
  /** A read replica (platform/db/replicas.ts): no extensions to install, and no transaction may write. */
  readOnly?: boolean;
}

export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  const limits = { ...DEFAULT_DATABASE_LIMITS, ...options };
  const settings = [
    // Business dates are Asia/Shanghai dates (../shared/DESIGN.md): now() and current_date agree with them.
    'timezone=Asia/Shanghai',
    // ../shared/DESIGN.md §6: no statement, lock wait or forgotten transaction holds a connection for long.
    `statement_timeout=${limits.statementTimeoutMs}`,
    `lock_timeout=${limits.lockTimeoutMs}`,
    `idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`,
    // No JIT compilation: the hub's statements are request-sized, and a plan costed over jit_above_cost (warnings of
    // a date long past at 10^6 guarantees) spent ~1 s compiling for ~1.5 s of execution.
    'jit=off',
    ...(options.readOnly ? ['default_transaction_read_only=on'] : []),
  ];
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    installExtensions: !options.readOnly,
    poolErrorHandler: options.onPoolError ?? (() => undefined),
    extra: {
      max: limits.poolSize,
      // pg-pool: the longest a request waits for a connection (a free slot, then the connect itself); then it
      // fails, and the client gets SERVICE_UNAVAILABLE rather than a hang.
      connectionTimeoutMillis: limits.poolWaitMs,
      options: settings.map((s) => `-c ${s}`).join(' '),
      application_name: 'liaocheng-guarantee-hub',
    },
  });
}
