import { describe, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { LoginFailureRepo, UserRepo } from '../../src/modules/user/user.repo';
import { snapshot, SYSTEM } from '../support/sql-log';

/** The SQL of the user module (accounts, login throttle), written to test/queries/user.repo.sql: see repo-queries.test.ts. */
describe('repository SQL snapshots: users', () => {
  it('user.repo.sql', async () => {
    await snapshot('user.repo.sql', async (log, m, b) => {
      const repo = new UserRepo(m);
      const row = {
        username: 'snapshot.user',
        password_hash: 'not-a-hash',
        role: Role.FINANCE,
        region_id: null,
        institution_id: null,
        bank_id: null,
      };
      const user = await log.record('UserRepo.insert', () => repo.insert(row));
      await log.record('UserRepo.insertIfAbsent', () => repo.insertIfAbsent('snapshot.admin', 'not-a-hash', Role.ADMIN));
      await log.record('UserRepo.list', () => repo.list(SYSTEM));
      await log.record('UserRepo.get', () => repo.get(SYSTEM, user.id));
      await log.record('UserRepo.credentials (by username)', () => repo.credentials(SYSTEM, { username: user.username }));
      await log.record('UserRepo.credentials (by id)', () => repo.credentials(SYSTEM, { id: user.id }));
      await log.record('UserRepo.tokenState', () => repo.tokenState(SYSTEM, user.id));
      await log.record('UserRepo.usernameTaken', () => repo.usernameTaken(SYSTEM, user.username));
      await log.record('UserRepo.scopeTargetExists', () => repo.scopeTargetExists(SYSTEM, 'guarantee_institution', b.institutionId));
      await log.record('UserRepo.countByRole', () => repo.countByRole(SYSTEM, Role.ADMIN));
      await log.record('UserRepo.lockActive', () => repo.lockActive(Role.ADMIN));
      await log.record('UserRepo.setActive', () => repo.setActive(user.id, false));
      await log.record('UserRepo.setPassword (reset)', () => repo.setPassword(user.id, 'another-hash'));
      await log.record('UserRepo.setPassword (change, over the checked hash)', () =>
        repo.setPassword(user.id, 'third-hash', 'another-hash'),
      );
      await log.record('UserRepo.rehash', () => repo.rehash(user.id, 'fourth-hash'));
      const failures = new LoginFailureRepo(m);
      await log.record('LoginFailureRepo.recent', () => failures.recent(SYSTEM, 'a'.repeat(64), '192.0.2.1', 900));
      await log.record('LoginFailureRepo.record', () => failures.record('a'.repeat(64), '192.0.2.1', 900));
      await log.record('LoginFailureRepo.clear', () => failures.clear('a'.repeat(64)));
    });
  });
});
