import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';
import { SystemScope } from '../../access/system-scope';
import { DomainError } from '../../platform/errors';
import { checkNewPassword, hashPassword } from './user.passwords';
import { UserRepo } from './user.repo';

export const FIRST_ADMIN_USERNAME = 'admin';

const START = SystemScope.because('start-up: the first administrator, before anyone can sign in');

/**
 * The first administrator, `admin`, from HUB_ADMIN_PASSWORD, when no ADMIN user exists yet. Idempotent and
 * safe when several hubs start at once (the username's unique index lets one insert win). The password
 * follows the rules of every password (user.passwords.ts): a bad one stops the start.
 */
export async function ensureFirstAdmin(
  manager: EntityManager,
  password: string | undefined,
  log: Logger,
): Promise<'created' | 'exists' | 'missing'> {
  const users = new UserRepo(manager);
  if ((await users.countByRole(START, Role.ADMIN)) > 0) return 'exists';
  if (password === undefined) {
    log.warn('no administrator yet: set HUB_ADMIN_PASSWORD to create the user "admin" at the next start');
    return 'missing';
  }
  try {
    checkNewPassword(password, FIRST_ADMIN_USERNAME, 'HUB_ADMIN_PASSWORD');
  } catch (err) {
    if (err instanceof DomainError) throw new Error(`HUB_ADMIN_PASSWORD: ${err.message}`);
    throw err;
  }
  if (!(await users.insertIfAbsent(FIRST_ADMIN_USERNAME, await hashPassword(password), Role.ADMIN))) {
    // Another hub won the race, or a non-admin user took the name: report what is there.
    if ((await users.countByRole(START, Role.ADMIN)) > 0) return 'exists';
    log.warn(`no administrator, and the username "${FIRST_ADMIN_USERNAME}" belongs to a user of another role`);
    return 'missing';
  }
  log.info({ username: FIRST_ADMIN_USERNAME }, 'created the first administrator from HUB_ADMIN_PASSWORD');
  return 'created';
}
