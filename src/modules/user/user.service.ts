import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';
import { SystemScope } from '../../access/system-scope';
import { REGION_NARROWABLE, type Viewer } from '../../access/viewer';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';
import type { User } from './user.entity';
import { checkNewPassword, hashPassword } from './user.passwords';
import { UserRepo, type ScopeTable } from './user.repo';
import type { CreateUserInput } from './user.types';

export const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

/** The shield admits only ADMIN to these operations (user.rules.ts), and the operator manages every account. */
const OPERATOR = SystemScope.because('ADMIN manages every account (../shared/DESIGN.md §3); the shield admits no one else');

/** Which scope ids each role takes (../shared/DESIGN.md §3): the one a scoped role needs, nothing it would ignore. */
const SCOPE_TABLES: Record<ScopeField, ScopeTable> = { regionId: 'region', institutionId: 'guarantee_institution', bankId: 'bank' };
type ScopeField = 'regionId' | 'institutionId' | 'bankId';

function allowedScope(role: Role): { required?: ScopeField; optional: ScopeField[] } {
  if (role === Role.GUARANTEE_INSTITUTION) return { required: 'institutionId', optional: [] };
  if (role === Role.BANK) return { required: 'bankId', optional: [] };
  if (role === Role.LOCAL_GOVERNMENT) return { required: 'regionId', optional: [] };
  return { optional: REGION_NARROWABLE.has(role) ? ['regionId'] : [] };
}

/** 用户管理 (ADMIN): accounts, their activation and their passwords (argon2id). Logging in: account.service.ts. */
export class UserService {
  private readonly repo: UserRepo;

  constructor(
    manager: EntityManager,
    private readonly viewer: Viewer | null,
  ) {
    this.repo = new UserRepo(manager);
  }

  /** Every account, by username; the public columns only (no hash, no token version). */
  list(): Promise<User[]> {
    return this.repo.list(OPERATOR);
  }

  /** ADMIN creates accounts; the role decides which scope id is required and which are refused. */
  async create(input: CreateUserInput): Promise<User> {
    const username = input.username.trim();
    if (!USERNAME.test(username)) throw new BadInputError('username', 'A username is 3 to 64 letters, digits or . _ @ -');
    checkNewPassword(input.password, username, 'password');
    const scope = await this.checkScope(input);
    // Checked first for a clear answer; the unique index still decides under a race (→ CONFLICT in formatError).
    if (await this.repo.usernameTaken(OPERATOR, username)) throw new ConflictError(`The username ${username} is taken`);
    const passwordHash = await hashPassword(input.password);
    return this.repo.insert({ username, password_hash: passwordHash, role: input.role, ...scope });
  }

  /**
   * 停用/启用. A deactivated user cannot log in, and its tokens are refused from the next request on; they stay
   * dead after a reactivation (the user logs in again). An administrator may not deactivate itself (CONFLICT),
   * and two administrators deactivating each other at once leave one of them active.
   */
  async setActive(id: string, active: boolean): Promise<User> {
    const target = await this.find(id);
    if (!active && target.id === this.viewer?.sub.toLowerCase())
      throw new ConflictError('An administrator may not deactivate its own account');
    if (!active && target.role === Role.ADMIN && target.active) {
      const admins = await this.repo.lockActive(Role.ADMIN);
      if (admins.filter((a) => a !== target.id).length === 0) throw new ConflictError('The last active administrator stays active');
    }
    return (await this.repo.setActive(target.id, active))!;
  }

  /** 重置密码: a new password the administrator hands over; every token issued before it stops working. */
  async resetPassword(id: string, newPassword: string): Promise<User> {
    const target = await this.find(id);
    checkNewPassword(newPassword, target.username, 'newPassword');
    return (await this.repo.setPassword(target.id, await hashPassword(newPassword)))!;
  }

  private async find(id: string): Promise<User> {
    const user = isUuid(id) ? await this.repo.get(OPERATOR, id.toLowerCase()) : undefined;
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  private async checkScope(input: CreateUserInput): Promise<Record<'region_id' | 'institution_id' | 'bank_id', string | null>> {
    const { required, optional } = allowedScope(input.role);
    const out: Record<ScopeField, string | null> = { regionId: null, institutionId: null, bankId: null };
    for (const field of Object.keys(SCOPE_TABLES) as ScopeField[]) {
      const value = input[field] ?? null;
      if (value === null) {
        if (field === required) throw new BadInputError(field, `A ${input.role} user needs ${field}`);
        continue;
      }
      if (field !== required && !optional.includes(field)) throw new BadInputError(field, `A ${input.role} user takes no ${field}`);
      if (!isUuid(value)) throw new BadInputError(field, `${field} is not a hub id`);
      if (!(await this.repo.scopeTargetExists(OPERATOR, SCOPE_TABLES[field], value))) {
        throw new BadInputError(field, `No ${SCOPE_TABLES[field].replace('_', ' ')} has id ${value}`);
      }
      out[field] = value.toLowerCase();
    }
    return { region_id: out.regionId, institution_id: out.institutionId, bank_id: out.bankId };
  }
}
