import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordLength } from './user.passwords';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * The first administrator, `admin`, from HUB_ADMIN_PASSWORD, when no ADMIN user exists yet. Idempotent and
 * safe when several hubs start at once (the username's unique index lets one insert win).
 */
export async function ensureFirstAdmin(
  manager: EntityManager,
  password: string | undefined,
  log: Logger,
): Promise<'created' | 'exists' | 'missing'> {
  const [{ admins }] = await manager.query(`SELECT count(*)::int AS admins FROM app_user WHERE role = $1`, [Role.ADMIN]);
  if (admins > 0) return 'exists';
  if (password === undefined) {
    log.warn('no administrator yet: set HUB_ADMIN_PASSWORD to create the user "admin" at the next start');
    return 'missing';
  }
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) {
    throw new Error(`HUB_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const inserted: unknown[] = await manager.query(
    `INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [FIRST_ADMIN_USERNAME, await hashPassword(password), Role.ADMIN],
  );
  if (inserted.length === 0) {
    // Another hub won the race, or a non-admin user took the name: report what is there.
    const [{ admins: now }] = await manager.query(`SELECT count(*)::int AS admins FROM app_user WHERE role = $1`, [Role.ADMIN]);
    if (now > 0) return 'exists';
    log.warn(`no administrator, and the username "${FIRST_ADMIN_USERNAME}" belongs to a user of another role`);
    return 'missing';
  }
  log.info({ username: FIRST_ADMIN_USERNAME }, 'created the first administrator from HUB_ADMIN_PASSWORD');
  return 'created';
}
