/** Readers of single environment values, shared by the config modules; a bad value is a ConfigError naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A whole number of at least 1, written in digits; 0 (PostgreSQL's "no timeout") is not offered: every limit holds. */
export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(`${name} must be a whole number of at least 1, not "${raw}"`);
  }
  return value;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "24h", "90m", "1d", "500ms" or plain seconds; `fallback` in seconds; the result in `unit`. */
export function duration(env: NodeJS.ProcessEnv, name: string, fallback: number, unit: 's' | 'ms'): number {
  const raw = env[name];
  const m = /^(\d+)\s*(ms|[smhd]?)$/.exec(raw?.trim() ?? '');
  const ms = raw === undefined || raw === '' ? fallback * 1000 : m ? Number(m[1]) * UNIT_MS[m[2] || 's'] : 0;
  if (ms < UNIT_MS[unit]) throw new ConfigError(`${name} must be a duration such as 24h, 90m, 5s or 3600, not "${raw}"`);
  return Math.floor(ms / UNIT_MS[unit]);
}
