import type { EntityManager } from 'typeorm';
import { SystemScope } from '../../access/system-scope';
import { signToken, type TokenSettings } from '../../access/token';
import type { Viewer } from '../../access/viewer';
import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';
import { recordMutation } from '../audit/audit.record';
import { clearFailures, recordFailure, refuseIfThrottled, type LoginRequest } from './login-guard';
import { checkNewPassword, hashPassword, needsRehash, verifyPassword } from './user.passwords';
import { UserRepo, type Credentials } from './user.repo';
import { USERNAME } from './user.service';
import { AuthPayload, ViewerType } from './user.types';

/** Login reads the account it is given the name of; a password change, the caller's own account. */
const OWN = SystemScope.because("a user's own account: login by its username, changePassword by the token's sub");

/**
 * 登录与修改密码: a hub user's own account. Both check a password (argon2, ~100 ms and 64 MiB each) and run
 * outside a transaction (app/unit-of-work.ts), through the process's argon2 gate and the login throttle
 * when served over HTTP.
 */
export class AccountService {
  private readonly repo: UserRepo;

  constructor(
    private readonly manager: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly tokens: TokenSettings | undefined,
    /** The HTTP server's throttle and argon2 gate, with the caller's address; absent in-process. */
    private readonly request?: LoginRequest,
  ) {
    this.repo = new UserRepo(manager);
  }

  /**
   * A wrong username, a wrong password and a disabled account are one answer: UNAUTHENTICATED. A throttled
   * account or address, or a full argon2 queue, is TOO_MANY_REQUESTS before any password is checked.
   * The token carries the user's token version (token.ts): a later password change or deactivation retires it.
   */
  async login(username: string, password: string): Promise<AuthPayload> {
    // The gate is taken first: when it is full the answer costs no database round trip at all.
    const found = await this.gated(() => this.check(username, password));
    const { user } = found;
    const viewer: Viewer = {
      sub: user.id,
      role: user.role,
      regionId: user.regionId,
      institutionId: user.institutionId,
      bankId: user.bankId,
    };
    if (!this.tokens) throw new Error('the hub was started without token settings: login cannot mint tokens');
    return Object.assign(new AuthPayload(), {
      token: await signToken(this.tokens.secret, viewer, this.tokens.expiresIn, found.tokenVersion),
      viewer: ViewerType.of(viewer),
    });
  }

  private async check(username: string, password: string): Promise<Credentials> {
    if (this.request) await refuseIfThrottled(this.manager, this.request, username);
    const found = USERNAME.test(username) ? await this.repo.credentials(OWN, { username }) : undefined;
    const valid = await verifyPassword(found?.passwordHash ?? null, password);
    if (!found || !valid || !found.user.active) {
      if (this.request) await recordFailure(this.manager, this.request, username);
      throw new UnauthenticatedError('Wrong username or password');
    }
    if (this.request) await clearFailures(this.manager, username);
    if (needsRehash(found.passwordHash)) await this.repo.rehash(found.user.id, await hashPassword(password));
    return found;
  }

  /**
   * 修改密码: the signed-in hub user's own. A wrong current password is BAD_USER_INPUT on `currentPassword` and
   * counts as a failed login of the account (a stolen token cannot be used to guess the password). Every token
   * issued before the change, the caller's own included, stops working: the user logs in again.
   * A token from another system names no hub account: NOT_FOUND (its password is kept there).
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<boolean> {
    const sub = this.viewer?.sub ?? '';
    const found = isUuid(sub) ? await this.repo.credentials(OWN, { id: sub.toLowerCase() }) : undefined;
    if (!found) throw new NotFoundError('Hub account');
    if (!found.user.active) throw new UnauthenticatedError('The account is deactivated');
    const { username } = found.user;
    checkNewPassword(newPassword, username, 'newPassword');
    const newHash = await this.gated(async () => {
      if (this.request) await refuseIfThrottled(this.manager, this.request, username);
      if (!(await verifyPassword(found.passwordHash, currentPassword))) {
        if (this.request) await recordFailure(this.manager, this.request, username);
        throw new BadInputError('currentPassword', 'The current password is wrong');
      }
      return hashPassword(newPassword);
    });
    // The change and its audit row commit together (DESIGN.md §6); the checks above held no transaction open.
    await this.manager.transaction(async (tx) => {
      // Only over the hash just checked: of two changes at once, the second finds the password changed.
      if (!(await new UserRepo(tx).setPassword(found.user.id, newHash, found.passwordHash))) {
        throw new ConflictError('The password was changed meanwhile; log in again');
      }
      await recordMutation(tx, { viewer: this.viewer, operation: 'changePassword', args: { currentPassword, newPassword }, result: true });
    });
    return true;
  }

  private gated<T>(work: () => Promise<T>): Promise<T> {
    return this.request ? this.request.guard.gate.run(work) : work();
  }
}
