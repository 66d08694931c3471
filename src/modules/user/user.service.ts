import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';
import { signToken, type TokenSettings } from '../../access/token';
import { REGION_NARROWABLE, type Viewer } from '../../access/viewer';
import { BadInputError, ConflictError, UnauthenticatedError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';
import { User } from './user.entity';
import { clearFailures, recordFailure, refuseIfThrottled, type LoginRequest } from './login-guard';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, needsRehash, passwordLength, verifyPassword } from './user.passwords';
import { AuthPayload, ViewerType, type CreateUserInput } from './user.types';

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

/** Which scope ids each role takes (../shared/DESIGN.md §3): the one a scoped role needs, nothing it would ignore. */
const SCOPE_TABLES = { regionId: 'region', institutionId: 'guarantee_institution', bankId: 'bank' } as const;
type ScopeField = keyof typeof SCOPE_TABLES;

function allowedScope(role: Role): { required?: ScopeField; optional: ScopeField[] } {
  if (role === Role.GUARANTEE_INSTITUTION) return { required: 'institutionId', optional: [] };
  if (role === Role.BANK) return { required: 'bankId', optional: [] };
  if (role === Role.LOCAL_GOVERNMENT) return { required: 'regionId', optional: [] };
  return { optional: REGION_NARROWABLE.has(role) ? ['regionId'] : [] };
}

/** 用户与登录: hub accounts, their passwords (argon2id) and the tokens `login` mints. */
export class UserService {
  constructor(
    private readonly manager: EntityManager,
    private readonly tokens: TokenSettings | undefined,
    /** The HTTP server's throttle and argon2 gate, with the caller's address; absent in-process. */
    private readonly request?: LoginRequest,
  ) {}

  /**
   * A wrong username, a wrong password and a disabled account are one answer: UNAUTHENTICATED. A throttled
   * account or address, or a full argon2 queue, is TOO_MANY_REQUESTS before any password is checked.
   */
  async login(username: string, password: string): Promise<AuthPayload> {
    // The gate is taken first: when it is full the answer costs no database round trip at all.
    const user = await (this.request ? this.request.guard.gate.run(() => this.check(username, password)) : this.check(username, password));
    const viewer: Viewer = {
      sub: user.id,
      role: user.role,
      regionId: user.regionId,
      institutionId: user.institutionId,
      bankId: user.bankId,
    };
    if (!this.tokens) throw new Error('the hub was started without token settings: login cannot mint tokens');
    return Object.assign(new AuthPayload(), {
      token: await signToken(this.tokens.secret, viewer, this.tokens.expiresIn),
      viewer: ViewerType.of(viewer),
    });
  }

  private async check(username: string, password: string): Promise<User> {
    if (this.request) await refuseIfThrottled(this.manager, this.request, username);
    const user = USERNAME.test(username) ? await this.manager.findOne(User, { where: { username } }) : null;
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      if (this.request) await recordFailure(this.manager, this.request, username);
      throw new UnauthenticatedError('Wrong username or password');
    }
    if (this.request) await clearFailures(this.manager, username);
    if (needsRehash(user.passwordHash)) {
      await this.manager.update(User, { id: user.id }, { passwordHash: await hashPassword(password) });
    }
    return user;
  }

  /** ADMIN creates accounts; the role decides which scope id is required and which are refused. */
  async create(input: CreateUserInput): Promise<User> {
    const username = input.username.trim();
    if (!USERNAME.test(username)) throw new BadInputError('username', 'A username is 3 to 64 letters, digits or . _ @ -');
    const length = passwordLength(input.password);
    if (length < MIN_PASSWORD_LENGTH) throw new BadInputError('password', `A password has at least ${MIN_PASSWORD_LENGTH} characters`);
    if (input.password.length > MAX_PASSWORD_LENGTH)
      throw new BadInputError('password', `A password has at most ${MAX_PASSWORD_LENGTH} characters`);
    const scope = await this.checkScope(input);
    // Checked first for a clear answer; the unique index still decides under a race (→ CONFLICT in formatError).
    if (await this.manager.exists(User, { where: { username } })) throw new ConflictError(`The username ${username} is taken`);
    const passwordHash = await hashPassword(input.password);
    return this.manager.save(this.manager.create(User, { username, passwordHash, role: input.role, ...scope, active: true }));
  }

  private async checkScope(input: CreateUserInput): Promise<Record<ScopeField, string | null>> {
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
      // Existence only: the operator names ids the departments give it, and learns nothing else about the row.
      const [row] = await this.manager.query(`SELECT 1 FROM ${SCOPE_TABLES[field]} WHERE id = $1`, [value]);
      if (!row) throw new BadInputError(field, `No ${SCOPE_TABLES[field].replace('_', ' ')} has id ${value}`);
      out[field] = value.toLowerCase();
    }
    return out;
  }
}
