import { afterEach, describe, expect, it, vi } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { VerifiedTokens } from '../../src/access/token-cache';
import { UnauthenticatedError } from '../../src/platform/errors';

const SECRET = 'token-cache-test-secret-0123456789abcdef';
const finance = { sub: 'f1', role: Role.FINANCE, regionId: null, institutionId: null, bankId: null };

afterEach(() => {
  vi.useRealTimers();
});

describe('VerifiedTokens: a verified token is remembered until it expires, never past it', () => {
  it('answers the same viewer for the same token, frozen, and another for another token', async () => {
    const tokens = new VerifiedTokens(SECRET);
    const a = await signToken(SECRET, finance, '1h');
    const b = await signToken(SECRET, { ...finance, sub: 'f2' }, '1h');
    const first = await tokens.viewerOf(a);
    expect(await tokens.viewerOf(a)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect((await tokens.viewerOf(b)).sub).toBe('f2');
  });

  it('refuses a remembered token once its exp has passed', async () => {
    const tokens = new VerifiedTokens(SECRET);
    const token = await signToken(SECRET, finance, '2s');
    expect((await tokens.viewerOf(token)).sub).toBe('f1');
    // Past exp and jose's clock tolerance, the token is verified again, and refused.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    await expect(tokens.viewerOf(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('remembers no token that failed verification', async () => {
    const tokens = new VerifiedTokens(SECRET);
    const forged = await signToken('another-secret-0123456789abcdef-xyz', finance, '1h');
    await expect(tokens.viewerOf(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(tokens.viewerOf(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
