import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN.md §6 "Abuse": failed logins, so that `login` is throttled per account and per client address and
 * every hub instance sharing the database agrees (issue 13). The account is a SHA-256 of the username as
 * typed: a password typed into the username box is not kept readable. Rows older than the window are pruned.
 */
export class LoginFailures1796299200000 implements MigrationInterface {
  name = 'LoginFailures1796299200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account char(64) NOT NULL,
        address text,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_login_failure_account ON login_failure(account, failed_at)`);
    await q.query(`CREATE INDEX ix_login_failure_address ON login_failure(address, failed_at)`);
    await q.query(`CREATE INDEX ix_login_failure_failed_at ON login_failure(failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure`);
  }
}
