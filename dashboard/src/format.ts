/** How figures read on the page: 万元 with thousands separators, percentages, 2025年3月, and "—" for nothing. */

export const EMPTY = '—';

const wan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

function finite(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Yuan (a Decimal string) as 万元: 12345678.90 → 1,234.57. */
export function formatWan(yuan: string | number | null | undefined): string {
  const n = finite(yuan);
  return n === null ? EMPTY : wan.format(n / 10_000);
}

/** A share or rate (0.812345) as 81.23%. */
export function formatRate(rate: string | number | null | undefined): string {
  const n = finite(rate);
  return n === null ? EMPTY : `${(n * 100).toFixed(2)}%`;
}

export function formatCount(n: string | number | null | undefined): string {
  const v = finite(n);
  return v === null ? EMPTY : count.format(v);
}

/** 2025-03 (or 2025-03-31) → 2025年3月. */
export function formatMonth(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月` : EMPTY;
}

/** 2025-03-09 or an ISO timestamp → 2025年3月9日 (Asia/Shanghai for a timestamp). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const day = iso.length > 10 ? new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : EMPTY;
}

/** A number for a chart (null where there is none, which ECharts draws as a gap, never NaN). */
export function chartNumber(value: string | number | null | undefined, scale = 1): number | null {
  const n = finite(value);
  return n === null ? null : Math.round((n / scale) * 100) / 100;
}
