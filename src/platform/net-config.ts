import net from 'node:net';

/** Thrown for a value of the environment the hub cannot use; config.ts turns it into its ConfigError. */
export class BadSetting extends Error {}

/** HOST: an IP address or a host name to listen on; `0.0.0.0` / `::` for every interface. */
export function parseHost(raw: string | undefined): string {
  const host = raw?.trim() || '127.0.0.1';
  if (net.isIP(host) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/.test(host)) {
    throw new BadSetting(`HOST must be an address (127.0.0.1, 0.0.0.0, ::) or a host name, not "${host}"`);
  }
  return host;
}

/** One entry of METRICS_ALLOW: an address or a subnet in CIDR notation, IPv4 or IPv6. */
export interface AllowedNet {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

/** Loopback in both families (an IPv4 peer on a dual-stack socket reads ::ffff:127.0.0.1: normalised before the check). */
export const LOOPBACK: readonly AllowedNet[] = Object.freeze([
  { address: '127.0.0.0', prefix: 8, family: 'ipv4' },
  { address: '::1', prefix: 128, family: 'ipv6' },
]);

/**
 * METRICS_ALLOW: comma- or space-separated addresses and CIDRs, and the word `loopback`; `none` for no address
 * (the token alone). Unset: loopback only.
 */
export function parseAllowList(raw: string | undefined): readonly AllowedNet[] {
  const entries = (raw ?? 'loopback').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 1 && entries[0] === 'none') return Object.freeze([]);
  const out: AllowedNet[] = [];
  for (const entry of entries) {
    if (entry === 'loopback') {
      out.push(...LOOPBACK);
      continue;
    }
    const [address, bits, extra] = entry.split('/');
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
    const max = family === 'ipv4' ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!family || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new BadSetting(
        `METRICS_ALLOW must list addresses or subnets (10.0.0.0/8, 192.168.1.5, fd00::/8), loopback, or none; "${entry}" is none of them`,
      );
    }
    out.push({ address, prefix, family });
  }
  return Object.freeze(out);
}

/** METRICS_TOKEN: a bearer token for /metrics, long enough not to be guessed; unset or empty: none. */
export function parseMetricsToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new BadSetting('METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  return raw;
}
