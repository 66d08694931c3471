import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/user/user.passwords';
import { testDataSource } from '../support/db';
import { errorCodes, startHub, type RunningHub } from '../support/http-hub';

/**
 * DESIGN.md §6, issue 8 item 7: 200 wrong passwords in a row met no throttle, and 200 concurrent attempts
 * took 31 s and 439 MB (argon2), during which a real login waited 30 s. Now: an account is throttled after
 * 10 failures in 15 minutes, an address after LOGIN_MAX_FAILURES_PER_ADDRESS, both TOO_MANY_REQUESTS (429);
 * at most 2 argon2 checks run at once with 16 waiting, and anything beyond is refused at once.
 * The client address is `req.ip`; the hub here trusts the loopback proxy, so X-Forwarded-For names it.
 */
const PASSWORD = 'correct-horse-battery';
const users = { alice: `throttle.alice.${process.pid}`, bob: `throttle.bob.${process.pid}`, carol: `throttle.carol.${process.pid}` };
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
let hub: RunningHub;
let address = 0;
/** A fresh client address per test, so the tests do not throttle one another. */
const nextAddress = () => `198.51.100.${++address}`;

function login(on: RunningHub, username: string, password: string, from: string) {
  return on.post({ query: LOGIN, variables: { u: username, p: password } }, { 'x-forwarded-for': from });
}

beforeAll(async () => {
  hub = await startHub({ TRUST_PROXY: 'loopback' });
  const ds = await testDataSource();
  const hash = await hashPassword(PASSWORD);
  for (const u of Object.values(users)) {
    await ds.query(`INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, 'TASK_FORCE_OFFICE')`, [u, hash]);
  }
});

afterAll(async () => {
  const ds = await testDataSource();
  await ds.query(`DELETE FROM app_user WHERE username = ANY($1)`, [Object.values(users)]);
});

describe('login throttling', () => {
  it('refuses an account after 10 failures, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 10; i++) {
      expect(errorCodes(await login(hub, users.alice, `wrong-${i}-password`, nextAddress()))).toEqual(['UNAUTHENTICATED']);
    }
    const res = await login(hub, users.alice, PASSWORD, nextAddress());
    expect([res.status, errorCodes(res), res.json.data]).toEqual([429, ['TOO_MANY_REQUESTS'], null]);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another account is not affected.
    expect(errorCodes(await login(hub, users.bob, PASSWORD, nextAddress()))).toEqual([]);
  });

  it('a successful login clears its account’s failures', async () => {
    for (let i = 0; i < 9; i++) await login(hub, users.bob, 'wrong-password-x', nextAddress());
    expect(errorCodes(await login(hub, users.bob, PASSWORD, nextAddress()))).toEqual([]);
    expect(errorCodes(await login(hub, users.bob, 'wrong-password-y', nextAddress()))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an address after LOGIN_MAX_FAILURES_PER_ADDRESS failures, over any usernames', async () => {
    const strict = await startHub({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES_PER_ADDRESS: '5' });
    const from = nextAddress();
    for (let i = 0; i < 5; i++) await login(strict, `nobody.${i}.${process.pid}`, 'wrong-password', from);
    const res = await login(strict, users.carol, PASSWORD, from);
    expect([res.status, errorCodes(res)]).toEqual([429, ['TOO_MANY_REQUESTS']]);
    expect(errorCodes(await login(strict, users.carol, PASSWORD, nextAddress()))).toEqual([]);
  });
});

describe('bounded argon2 work', () => {
  it('200 concurrent wrong logins: at least half refused at once, and a real login is answered', { timeout: 180_000 }, async () => {
    const baselineStarted = performance.now();
    expect(errorCodes(await login(hub, users.carol, PASSWORD, nextAddress()))).toEqual([]);
    const baselineMs = performance.now() - baselineStarted;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    // When each wave answer arrives, in the order they arrive: an order, not a duration.
    const order: string[] = [];
    const wave = Array.from({ length: 200 }, (_, i) =>
      login(hub, `spray.${i}.${process.pid}`, 'wrong-password', `203.0.113.${i}`).then((r) => {
        order.push(errorCodes(r)[0] ?? 'ok');
        return r;
      }),
    );
    const realStarted = performance.now();
    const real = await login(hub, users.carol, PASSWORD, nextAddress());
    const realMs = performance.now() - realStarted;
    const checkedBefore = order.filter((c) => c === 'UNAUTHENTICATED').length;
    const answers = await Promise.all(wave);
    const waveMs = performance.now() - started;
    const codes = answers.map((r) => errorCodes(r)[0]);
    const tooMany = codes.filter((c) => c === 'TOO_MANY_REQUESTS').length;
    console.info(
      `200 concurrent wrong logins: ${waveMs.toFixed(0)} ms, ${tooMany} refused at once, real login ${realMs.toFixed(0)} ms ` +
        `after ${checkedBefore} checked wrong passwords (alone: ${baselineMs.toFixed(0)} ms) ` +
        `(${errorCodes(real)[0] ?? 'ok'}), RSS +${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS')).toBe(true);
    // At most 2 + 16 of the wave hold a slot in the gate at any moment; the rest are refused without a check.
    // How many slots free up while the hub is still parsing the wave depends on the scheduler (here ~20–50 of the
    // 200 were checked; without the gate all 200 are), so the bound is loose: at least half refused at once. The
    // exact bounds — 2 running, 16 waiting, a late login behind at most 18 — are checked on the gate itself, with
    // the calls in an order the test chooses: test/unit/password-gate.test.ts.
    expect(tooMany).toBeGreaterThanOrEqual(100);
    // The real login is refused at once, or answered after its turn in the queue.
    expect(['ok', 'TOO_MANY_REQUESTS']).toContain(errorCodes(real)[0] ?? 'ok');
    // Once the wave has passed, it is served.
    expect(errorCodes(await login(hub, users.carol, PASSWORD, nextAddress()))).toEqual([]);
  });
});
