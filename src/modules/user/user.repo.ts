import type { SystemScope } from '../../access/system-scope';
import type { Role } from '../../access/roles';
import { Repository } from '../../platform/db/repository';
import { User } from './user.entity';

/**
 * app_user and login_failure. Accounts have no row scope: the shield admits only the operator (ADMIN) to them,
 * and login, the token check and a user's own password change read one row by a key they were given, so
 * the reads take a SystemScope naming that. The password hash leaves this file only through `credentials`.
 */

/** The columns the API shows: never password_hash, never token_version. */
const PUBLIC = `id, username, role, region_id, institution_id, bank_id, active`;

interface PublicRow {
  id: string;
  username: string;
  role: Role;
  region_id: string | null;
  institution_id: string | null;
  bank_id: string | null;
  active: boolean;
}

function user(row: PublicRow): User {
  return Object.assign(new User(), {
    id: row.id,
    username: row.username,
    role: row.role,
    regionId: row.region_id,
    institutionId: row.institution_id,
    bankId: row.bank_id,
    active: row.active,
  });
}

/** What login and a password change check: the public columns with the hash and the token version. */
export interface Credentials {
  readonly user: User;
  readonly passwordHash: string;
  readonly tokenVersion: number;
}

/** What a request's token is checked against (app/authenticate.ts). */
export interface TokenState {
  readonly active: boolean;
  readonly tokenVersion: number;
}

export type ScopeTable = 'region' | 'guarantee_institution' | 'bank';

export class UserRepo extends Repository {
  /** By username in code-point order (usernames are ASCII; the database's collation would ignore the dots). */
  async list(_scope: SystemScope): Promise<User[]> {
    return (await this.rows<PublicRow>(`SELECT ${PUBLIC} FROM app_user ORDER BY username COLLATE "C"`)).map(user);
  }

  async get(_scope: SystemScope, id: string): Promise<User | undefined> {
    const row = await this.first<PublicRow>(`SELECT ${PUBLIC} FROM app_user WHERE id = :id`, { id });
    return row && user(row);
  }

  /** By username (login) or id (a password change); with the hash. */
  async credentials(_scope: SystemScope, by: { username: string } | { id: string }): Promise<Credentials | undefined> {
    const [column, value] = 'id' in by ? ['id', by.id] : ['username', by.username];
    const row = await this.first<PublicRow & { password_hash: string; token_version: number }>(
      `SELECT ${PUBLIC}, password_hash, token_version FROM app_user WHERE ${column} = :value`,
      { value },
    );
    return row && { user: user(row), passwordHash: row.password_hash, tokenVersion: row.token_version };
  }

  /** One primary-key read per request with a token naming a hub user: never cached, so a revocation is seen at once. */
  tokenState(_scope: SystemScope, id: string): Promise<TokenState | undefined> {
    return this.first<TokenState>(`SELECT active, token_version AS "tokenVersion" FROM app_user WHERE id = :id`, { id });
  }

  async usernameTaken(_scope: SystemScope, username: string): Promise<boolean> {
    return (await this.first(`SELECT 1 FROM app_user WHERE username = :username`, { username })) !== undefined;
  }

  /** Existence only: the operator names ids the departments give it, and learns nothing else about the row. */
  async scopeTargetExists(_scope: SystemScope, table: ScopeTable, id: string): Promise<boolean> {
    const sql = { region: 'region', guarantee_institution: 'guarantee_institution', bank: 'bank' }[table];
    return (await this.first(`SELECT 1 FROM ${sql} WHERE id = :id`, { id })) !== undefined;
  }

  async insert(values: Omit<PublicRow, 'id' | 'active'> & { password_hash: string }): Promise<User> {
    const [row] = await this.rows<PublicRow>(
      `INSERT INTO app_user (username, password_hash, role, region_id, institution_id, bank_id)
       VALUES (:username, :password_hash, :role, :region_id, :institution_id, :bank_id) RETURNING ${PUBLIC}`,
      values,
    );
    return user(row);
  }

  /** The first administrator, unless the username is taken (several hubs starting at once: one insert wins). */
  async insertIfAbsent(username: string, passwordHash: string, role: Role): Promise<boolean> {
    const rows = await this.rows(
      `INSERT INTO app_user (username, password_hash, role) VALUES (:username, :passwordHash, :role)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      { username, passwordHash, role },
    );
    return rows.length > 0;
  }

  async countByRole(_scope: SystemScope, role: Role): Promise<number> {
    const [{ n }] = await this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE role = :role`, { role });
    return n;
  }

  /** The active users of a role, locked in id order: deactivations of administrators run one at a time. */
  async lockActive(role: Role): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(`SELECT id FROM app_user WHERE role = :role AND active ORDER BY id FOR UPDATE`, { role });
    return rows.map((r) => r.id);
  }

  /** Deactivating an active user also retires its tokens: a later reactivation does not revive them. */
  async setActive(id: string, active: boolean): Promise<User | undefined> {
    const [row] = await this.rows<PublicRow>(
      `UPDATE app_user SET token_version = token_version + CASE WHEN active AND NOT :active THEN 1 ELSE 0 END, active = :active
        WHERE id = :id RETURNING ${PUBLIC}`,
      { id, active },
    );
    return row && user(row);
  }

  /**
   * A new password retires every token issued before it. `expectedHash`: only if the hash is still the one the
   * caller checked the current password against (two changes at once: one wins, the other finds no row).
   */
  async setPassword(id: string, passwordHash: string, expectedHash?: string): Promise<User | undefined> {
    const [row] = await this.rows<PublicRow>(
      `UPDATE app_user SET password_hash = :passwordHash, token_version = token_version + 1
        WHERE id = :id AND (CAST(:expectedHash AS text) IS NULL OR password_hash = :expectedHash) RETURNING ${PUBLIC}`,
      { id, passwordHash, expectedHash: expectedHash ?? null },
    );
    return row && user(row);
  }

  /** The same password, hashed with today's parameters (at login): tokens stay valid. */
  async rehash(id: string, passwordHash: string): Promise<void> {
    await this.rows(`UPDATE app_user SET password_hash = :passwordHash WHERE id = :id`, { id, passwordHash });
  }
}

/** login_failure (login-guard.ts): failed logins and wrong current passwords, for the throttle window only. */
export class LoginFailureRepo extends Repository {
  async recent(
    _scope: SystemScope,
    account: string,
    address: string | null,
    windowSeconds: number,
  ): Promise<{ byAccount: number; byAddress: number; retryAfter: number | null }> {
    const [row] = await this.rows<{ byAccount: number; byAddress: number; retryAfter: number | null }>(
      `SELECT count(*) FILTER (WHERE account = :account)::int AS "byAccount",
              count(*) FILTER (WHERE address = :address)::int AS "byAddress",
              ceil(extract(epoch FROM min(failed_at) + make_interval(secs => :window) - now()))::int AS "retryAfter"
         FROM login_failure
        WHERE (account = :account OR address = :address) AND failed_at > now() - make_interval(secs => :window)`,
      { account, address, window: windowSeconds },
    );
    return row;
  }

  /** Records one failure and prunes those older than the window. */
  async record(account: string, address: string | null, windowSeconds: number): Promise<void> {
    await this.rows(`INSERT INTO login_failure (account, address) VALUES (:account, :address)`, { account, address });
    await this.rows(`DELETE FROM login_failure WHERE failed_at < now() - make_interval(secs => :window)`, { window: windowSeconds });
  }

  async clear(account: string): Promise<void> {
    await this.rows(`DELETE FROM login_failure WHERE account = :account`, { account });
  }
}
