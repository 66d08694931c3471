import type { Dashboard, Slice } from '../data';
import { h } from '../dom';
import { EMPTY, formatCount, formatRate, formatWan } from '../format';
import { num, type TableColumn } from './table';

type Status = 'met' | 'warn' | 'unmet' | 'none';

interface Kpi {
  id: string;
  label: string;
  value: string;
  raw: string | number | null;
  target?: string;
  status: Status;
  note?: string;
}

/** R7's bands (../shared/DESIGN.md §2) and R17's lines: ≤ 3% met, ≤ 5% a yellow warning, above it red. */
export function compensationBand(rate: string | null): { band: string; status: Status } {
  if (rate === null) return { band: EMPTY, status: 'none' };
  const r = Number(rate);
  const band =
    r < 0.01
      ? '[0,1%) 补偿100%'
      : r < 0.03
        ? '[1%,3%) 补偿80%'
        : r < 0.05
          ? '[3%,5%) 补偿60%'
          : r <= 0.08
            ? '[5%,8%] 补偿50%'
            : '超过8% 不予补偿';
  return { band, status: r <= 0.03 ? 'met' : r <= 0.05 ? 'warn' : 'unmet' };
}

function atLeast(value: string | null | undefined, target: string): Status {
  if (value === null || value === undefined) return 'none';
  return Number(value) >= Number(target) ? 'met' : 'unmet';
}

function atMost(value: string | null | undefined, target: string): Status {
  if (value === null || value === undefined) return 'none';
  return Number(value) <= Number(target) ? 'met' : 'unmet';
}

export function kpis(d: Dashboard): Kpi[] {
  const t = d.total;
  const comp = compensationBand(t.compensationRate);
  return [
    { id: 'newCount', label: '新增担保笔数', value: formatCount(t.newCount), raw: t.newCount, status: 'none' },
    { id: 'newAmount', label: '新增担保金额（万元）', value: formatWan(t.newAmount), raw: t.newAmount, status: 'none' },
    {
      id: 'outstandingBalance',
      label: '在保余额（万元）',
      value: formatWan(t.outstandingBalance),
      raw: t.outstandingBalance,
      status: 'none',
    },
    {
      id: 'smallAgriShare',
      label: '支小支农担保业务占比',
      value: formatRate(t.smallAgriShare),
      raw: t.smallAgriShare,
      target: `目标 ≥ ${formatRate(d.targets.smallAgriShare)}`,
      status: atLeast(t.smallAgriShare, d.targets.smallAgriShare),
    },
    {
      id: 'smallHouseholdShare',
      label: '单户500万元及以下占比',
      value: formatRate(t.smallHouseholdShare),
      raw: t.smallHouseholdShare ?? null,
      target: `目标 ≥ ${formatRate(d.targets.smallHouseholdShare)}`,
      status: atLeast(t.smallHouseholdShare, d.targets.smallHouseholdShare),
    },
    {
      id: 'averageFeeRate',
      label: '平均担保费率',
      value: formatRate(t.averageFeeRate),
      raw: t.averageFeeRate,
      target: `目标 ≤ ${formatRate(d.targets.averageFeeRate)}`,
      status: atMost(t.averageFeeRate, d.targets.averageFeeRate),
    },
    {
      id: 'compensationRate',
      label: '代偿率',
      value: formatRate(t.compensationRate),
      raw: t.compensationRate,
      target: `风险补偿区间 ${comp.band}`,
      status: comp.status,
      note: '≤ 3% 达标，3%–5% 黄色预警，> 5% 红色预警',
    },
  ];
}

const STATUS_TEXT: Record<Status, string> = { met: '达标', warn: '预警', unmet: '未达标', none: '无数据' };

export function overviewView(d: Dashboard): HTMLElement {
  return h(
    'div',
    { class: 'kpis' },
    ...kpis(d).map((k) =>
      h(
        'div',
        { class: `kpi ${k.status}`, 'data-kpi': k.id, 'data-raw': k.raw === null ? undefined : String(k.raw), title: k.note },
        h('div', { class: 'kpi-label' }, k.label),
        h('div', { class: 'kpi-value' }, k.value),
        h('div', { class: 'kpi-target' }, k.target ?? '', k.target ? h('span', { class: 'badge' }, STATUS_TEXT[k.status]) : null),
      ),
    ),
  );
}

/** The columns every slice table shares (months, regions, institutions, banks). */
export function sliceColumns(nameTitle: string, name: (s: Slice) => string = (s) => s.label): TableColumn<Slice>[] {
  return [
    { title: nameTitle, text: name, sort: (s) => s.label },
    { title: '新增笔数', text: (s) => formatCount(s.newCount), sort: (s) => s.newCount, numeric: true, raw: (s) => s.newCount },
    {
      title: '新增金额（万元）',
      text: (s) => formatWan(s.newAmount),
      sort: (s) => num(s.newAmount),
      numeric: true,
      raw: (s) => s.newAmount,
    },
    {
      title: '在保余额（万元）',
      text: (s) => formatWan(s.outstandingBalance),
      sort: (s) => num(s.outstandingBalance),
      numeric: true,
      raw: (s) => s.outstandingBalance,
    },
    {
      title: '支小支农占比',
      text: (s) => formatRate(s.smallAgriShare),
      sort: (s) => num(s.smallAgriShare),
      numeric: true,
      raw: (s) => s.smallAgriShare,
    },
    {
      title: '平均费率',
      text: (s) => formatRate(s.averageFeeRate),
      sort: (s) => num(s.averageFeeRate),
      numeric: true,
      raw: (s) => s.averageFeeRate,
    },
    {
      title: '代偿率',
      text: (s) => formatRate(s.compensationRate),
      sort: (s) => num(s.compensationRate),
      numeric: true,
      raw: (s) => s.compensationRate,
    },
  ];
}
