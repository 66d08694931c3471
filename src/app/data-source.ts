import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// A PostgreSQL `date` is a calendar day: read it as its 'YYYY-MM-DD' text, never as a JS Date at
// some midnight that a time zone can move to the day before.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DataSourceOptions {
  poolSize?: number;
}

export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
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
    extra: {
      max: options.poolSize ?? 10,
      // Business dates are Asia/Shanghai dates (DESIGN.md): now() and current_date agree with them.
      options: '-c timezone=Asia/Shanghai',
      application_name: 'liaocheng-guarantee-hub',
    },
  });
}
