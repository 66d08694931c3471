import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SystemScope } from '../../access/system-scope';
import { TooManyRequestsError } from '../../platform/errors';
import { LoginFailureRepo } from './user.repo';

export interface LoginLimits {
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerAddress: number;
  readonly loginFailureWindowSeconds: number;
  readonly passwordChecksAtOnce: number;
  readonly passwordChecksQueued: number;
}

/**
 * At most `atOnce` logins check a password together (argon2: 64 MiB and ~100 ms of libuv threads each,
 * which also starve the event loop); at most `queued` more wait for a turn, and anything beyond is refused
 * at once, before any database round trip. 200 concurrent wrong passwords then cost 2 × 64 MiB at a time
 * and a real login waits behind 16 at most, not behind 200.
 * A counter and a queue: no library bounds the queue and answers "full" rather than waiting.
 */
export class PasswordGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly atOnce: number,
    private readonly queued: number,
  ) {}

  async run<T>(check: () => Promise<T>): Promise<T> {
    if (this.running < this.atOnce) this.running++;
    else if (this.waiting.length < this.queued) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new TooManyRequestsError('The hub is checking too many passwords at once; try again in a moment', 1);
    try {
      return await check();
    } finally {
      // The slot passes straight to the next in line, so `running` never drops below what is really running.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** One per hub process: the gate is the process's own; the failure counts live in PostgreSQL. */
export class LoginGuard {
  readonly gate: PasswordGate;

  constructor(readonly limits: LoginLimits) {
    this.gate = new PasswordGate(limits.passwordChecksAtOnce, limits.passwordChecksQueued);
  }
}

/** The guard and the caller's address, for one request's `login`. */
export interface LoginRequest {
  readonly guard: LoginGuard;
  readonly address: string | null;
}

function account(username: string): string {
  return createHash('sha256').update(username.normalize('NFC').toLowerCase()).digest('hex');
}

const THROTTLE = SystemScope.because('the login throttle counts failures by account and address, whoever is asking');

/**
 * ../shared/DESIGN.md §6: after `loginMaxFailuresPerAccount` failures within the window an account answers
 * TOO_MANY_REQUESTS until the oldest of them leaves the window, and so does an address after
 * `loginMaxFailuresPerAddress` (higher: a department's users may share one NAT address). A wrong current
 * password given to `changePassword` counts as a failure of its account too.
 */
export async function refuseIfThrottled(manager: EntityManager, request: LoginRequest, username: string): Promise<void> {
  const { limits } = request.guard;
  const row = await new LoginFailureRepo(manager).recent(THROTTLE, account(username), request.address, limits.loginFailureWindowSeconds);
  const retryAfter = Math.max(1, row.retryAfter ?? 1);
  if (row.byAccount >= limits.loginMaxFailuresPerAccount) {
    throw new TooManyRequestsError('Too many failed logins for this account; try again later', retryAfter);
  }
  if (row.byAddress >= limits.loginMaxFailuresPerAddress) {
    throw new TooManyRequestsError('Too many failed logins from this address; try again later', retryAfter);
  }
}

export async function recordFailure(manager: EntityManager, request: LoginRequest, username: string): Promise<void> {
  await new LoginFailureRepo(manager).record(account(username), request.address, request.guard.limits.loginFailureWindowSeconds);
}

/** A successful login clears its account's failures (not its address's: others may be guessing from there). */
export async function clearFailures(manager: EntityManager, username: string): Promise<void> {
  await new LoginFailureRepo(manager).clear(account(username));
}
