import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, read replicas: the WAL position each viewer's last write reached (src/platform/db/replicas.ts), so
 * that every hub instance sends that viewer's reads to a replica only once the replica has replayed it.
 * UNLOGGED: it is read on the primary only, its writes cost no WAL flush and nothing to replay, and after a
 * crash of the primary (which empties it) the replicas restart from the primary's WAL anyway.
 */
export class ReplicaReadFence1796320100000 implements MigrationInterface {
  name = 'ReplicaReadFence1796320100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE replica_read_fence (
        viewer text PRIMARY KEY,
        wal_position bigint NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE replica_read_fence`);
  }
}
