import { describe, expect, it } from 'vitest';
import { PasswordGate } from '../../src/modules/user/login-guard';
import { TooManyRequestsError } from '../../src/platform/errors';

/**
 * The argon2 gate of DESIGN.md §6, without a network in between: which calls run, wait or are refused is
 * decided by the gate alone, so it is checked here with checks the test finishes by hand, in an order it
 * chooses. (The HTTP wave in test/security/login-throttle.test.ts shows the same gate behind a real server,
 * where the order requests reach it depends on the scheduler.)
 */
function controlledCheck() {
  let finish!: (ok: boolean) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = (ok) => (ok ? resolve('checked') : reject(new Error('argon2 failed')));
  });
  return { finish, check: () => done };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PasswordGate', () => {
  it('runs at most `atOnce` checks, queues at most `queued`, and refuses the rest at once without running them', async () => {
    const gate = new PasswordGate(2, 3);
    const checks = Array.from({ length: 8 }, controlledCheck);
    let started = 0;
    const outcomes: string[] = Array.from({ length: 8 }, () => 'pending');
    checks.forEach((c, i) => {
      gate
        .run(() => {
          started++;
          return c.check();
        })
        .then(
          (v) => (outcomes[i] = v),
          (e: unknown) => (outcomes[i] = e instanceof TooManyRequestsError ? 'refused' : 'failed'),
        );
    });
    await settle();
    expect(started).toBe(2);
    expect(outcomes).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'refused', 'refused', 'refused']);

    // A finished check hands its slot to the first in line; a failed one too.
    checks[0].finish(true);
    await settle();
    expect(started).toBe(3);
    checks[1].finish(false);
    await settle();
    expect(started).toBe(4);
    expect(outcomes.slice(0, 2)).toEqual(['checked', 'failed']);
    checks[2].finish(true);
    checks[3].finish(true);
    await settle();
    checks[4].finish(true);
    await settle();
    expect(started).toBe(5);
    expect(outcomes.slice(0, 5)).toEqual(['checked', 'failed', 'checked', 'checked', 'checked']);
  });

  it('a login arriving in a wave is answered after at most `atOnce` + `queued` checks, never after the whole wave', async () => {
    const atOnce = 2;
    const queued = 16;
    const gate = new PasswordGate(atOnce, queued);
    const order: string[] = [];
    const wave = Array.from({ length: 200 }, controlledCheck);
    const waveRuns = wave.map((c) =>
      gate.run(c.check).then(
        () => order.push('wave checked'),
        (e: unknown) => order.push(e instanceof TooManyRequestsError ? 'wave refused' : 'wave failed'),
      ),
    );
    // The real login comes after the first 200: the gate is full, so it is refused at once.
    const refused = await gate.run(async () => 'real').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    await settle();
    expect(order.filter((o) => o === 'wave refused')).toHaveLength(200 - atOnce - queued);

    // Once one check has finished, a slot in the queue is free: the real login takes it and waits behind the rest.
    wave[0].finish(true);
    await settle();
    const real = gate.run(async () => 'real').then((v) => order.push(v));
    for (const c of wave.slice(1)) c.finish(true);
    await Promise.all([real, ...waveRuns]);
    const checkedBeforeReal = order.indexOf('real') - (200 - atOnce - queued);
    expect(checkedBeforeReal).toBeLessThanOrEqual(atOnce + queued);
    expect(order.filter((o) => o === 'wave checked')).toHaveLength(atOnce + queued);
  });
});
