import { describe, expect, it } from 'vitest';
import { addressAllowed, acceptedRequestId, metricsAllowList } from '../../src/app/observability';
import { loadConfig } from '../../src/platform/config';
import { HubMetrics, MAX_OPERATIONS } from '../../src/platform/metrics';

const allowed = (env: Record<string, string>, address: string) =>
  addressAllowed(metricsAllowList(loadConfig({ ...env, NODE_ENV: 'test' }).metrics), address);

describe('who may read /metrics (METRICS_ALLOW)', () => {
  it('is loopback alone by default, in both families and as an IPv4-mapped address', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(allowed({}, a), a).toBe(true);
    for (const a of ['10.0.0.1', '192.168.1.5', '::2', '::ffff:10.0.0.1', 'fe80::1', '']) expect(allowed({}, a), a).toBe(false);
  });

  it('takes addresses and subnets, replacing loopback unless listed, and `none`', () => {
    const env = { METRICS_ALLOW: '10.0.0.0/8, 192.168.1.5 fd00::/8' };
    for (const a of ['10.1.2.3', '::ffff:10.200.0.1', '192.168.1.5', 'fd00::1234']) expect(allowed(env, a), a).toBe(true);
    for (const a of ['127.0.0.1', '192.168.1.6', '11.0.0.1', 'fe80::1']) expect(allowed(env, a), a).toBe(false);
    expect(allowed({ METRICS_ALLOW: 'loopback,10.0.0.0/8' }, '127.0.0.1')).toBe(true);
    expect(allowed({ METRICS_ALLOW: 'none' }, '127.0.0.1')).toBe(false);
  });

  it('refuses a list or a token it cannot use, at start', () => {
    for (const bad of ['10.0.0.0/33', 'example.org', '10.0.0.1/8/8', '::1/129', 'anywhere']) {
      expect(() => loadConfig({ METRICS_ALLOW: bad }), bad).toThrow(/METRICS_ALLOW/);
    }
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in it, sixteen+' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('request ids and metric labels a client chooses', () => {
  it('accepts a bounded id of safe characters only', () => {
    expect(acceptedRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    for (const bad of [undefined, '', 'x'.repeat(129), 'a b', 'a"b', 'é', ['a', 'b']])
      expect(acceptedRequestId(bad as never)).toBeUndefined();
  });

  it('keeps operation labels bounded: past the cap a new name is `other`, a strange one `invalid`', async () => {
    const metrics = new HubMetrics(() => undefined, 10);
    for (let i = 0; i < MAX_OPERATIONS + 50; i++) metrics.observeRequest(`Op${i}`, 'ok', 0.01);
    metrics.observeRequest('{"x":1}', 'ok', 0.01);
    const text = await metrics.registry.metrics();
    const labels = new Set([...text.matchAll(/^hub_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(labels.size).toBe(MAX_OPERATIONS + 2);
    expect(labels.has('other')).toBe(true);
    expect(labels.has('invalid')).toBe(true);
  });
});
