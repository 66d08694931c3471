import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ../shared/DESIGN.md §3: a deactivated user's tokens, and tokens issued before a password change, stop working at
 * once. `login` writes the user's token_version into the token (claim `tokenVersion`); a password change, an
 * administrator's reset and a deactivation add one to it, and every request with a token naming the user
 * compares the two (one primary-key read). A counter, not a timestamp: a token minted in the same second as
 * a change is still told apart (`iat` has one-second granularity). In the database, so every hub instance
 * sharing it agrees (issue 13).
 */
export class UserTokenVersion1796342500000 implements MigrationInterface {
  name = 'UserTokenVersion1796342500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0 CHECK (token_version >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version`);
  }
}
