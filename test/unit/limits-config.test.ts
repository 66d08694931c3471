import { describe, expect, it } from 'vitest';
import { answersLegacyJson } from '../../src/app/protocol';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from '../../src/platform/config';

describe('limits in the configuration', () => {
  it('defaults to DESIGN.md §6: 1 MiB bodies, 24h tokens, 10 failures in 15 minutes', () => {
    const { limits, trustProxy } = loadConfig({});
    expect(limits).toEqual(DEFAULT_LIMITS);
    expect([
      limits.bodyMaxBytes,
      limits.jwtMaxLifetimeSeconds,
      limits.loginMaxFailuresPerAccount,
      limits.loginFailureWindowSeconds,
    ]).toEqual([1048576, 86400, 10, 900]);
    expect(trustProxy).toBe(false);
  });

  it('reads each variable, durations in s, m, h or d', () => {
    const { limits, trustProxy } = loadConfig({
      QUERY_MAX_DEPTH: '8',
      QUERY_MAX_COST: '1000',
      JWT_MAX_LIFETIME: '90m',
      LOGIN_FAILURE_WINDOW: '1d',
      PASSWORD_CHECKS_AT_ONCE: '1',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
    });
    expect([limits.queryMaxDepth, limits.queryMaxCost, limits.jwtMaxLifetimeSeconds, limits.loginFailureWindowSeconds]).toEqual([
      8, 1000, 5400, 86400,
    ]);
    expect(limits.passwordChecksAtOnce).toBe(1);
    expect(trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('refuses a limit that is not a positive whole number or a duration', () => {
    expect(() => loadConfig({ QUERY_MAX_ALIASES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ BODY_MAX_BYTES: '1mb' })).toThrow(/BODY_MAX_BYTES/);
    expect(() => loadConfig({ JWT_MAX_LIFETIME: 'forever' })).toThrow(/JWT_MAX_LIFETIME/);
  });
});

describe('which media type Apollo answers (protocol.ts)', () => {
  it.each([
    [undefined, true],
    ['*/*', true],
    ['application/json', true],
    ['application/graphql-response+json', false],
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['application/json, application/graphql-response+json;q=0.5', true],
    ['application/graphql-response+json, */*;q=0.1', false],
  ])('Accept %s → application/json: %s', (accept, legacy) => {
    expect(answersLegacyJson(accept)).toBe(legacy);
  });
});
