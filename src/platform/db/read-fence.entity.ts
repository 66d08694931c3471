import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A viewer's last write, as a byte position in the primary's WAL (replicas.ts). Not part of the API: the
 * router reads and writes it with SQL; the entity is here so the schema checks know the table.
 */
@Entity({ name: 'replica_read_fence' })
export class ReplicaReadFence {
  /** The token's `sub`. */
  @PrimaryColumn({ type: 'text' })
  viewer: string;

  /** pg_current_wal_lsn() after the write committed, in bytes from 0/0. */
  @Column({ name: 'wal_position', type: 'bigint' })
  walPosition: string;

  @Column({ name: 'written_at', type: 'timestamptz', default: () => 'now()' })
  writtenAt: Date;
}
