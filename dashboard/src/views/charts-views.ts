import { drawChart } from '../charts';
import type { Dashboard } from '../data';
import { h } from '../dom';
import { chartNumber, formatMonth } from '../format';
import { sliceColumns } from './overview';
import { sortableTable } from './table';

const pct = (v: string | null | undefined) => chartNumber(v ?? null, 0.01);
const targetLine = (name: string, value: string) => ({
  silent: true,
  symbol: 'none',
  lineStyle: { type: 'dashed' },
  label: { formatter: `${name} {c}%` },
  data: [{ yAxis: chartNumber(value, 0.01) }],
});

/** 月度趋势: amounts by month, then the shares and rates against their target lines, then the table. */
export function trendView(d: Dashboard): HTMLElement {
  const months = d.byMonth.map((m) => formatMonth(m.key));
  const amounts = h('div', { class: 'chart', 'data-chart': 'trend-amounts' });
  const rates = h('div', { class: 'chart', 'data-chart': 'trend-rates' });
  const fees = h('div', { class: 'chart', 'data-chart': 'trend-fees' });
  const el = h(
    'div',
    {},
    h('div', { class: 'charts' }, amounts, rates, fees),
    sortableTable(
      'months',
      sliceColumns('月份', (s) => formatMonth(s.key)),
      d.byMonth,
      (s) => s.key,
    ),
  );
  requestAnimationFrame(() => {
    const axis = { type: 'category', data: months };
    drawChart(amounts, {
      title: undefined,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: axis,
      yAxis: { type: 'value', name: '万元' },
      series: [
        { name: '新增担保金额', type: 'bar', data: d.byMonth.map((m) => chartNumber(m.newAmount, 10_000)) },
        { name: '在保余额', type: 'line', data: d.byMonth.map((m) => chartNumber(m.outstandingBalance, 10_000)) },
      ],
    });
    drawChart(rates, {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
      legend: { top: 0 },
      grid: { left: 50, right: 90, top: 40, bottom: 30 },
      xAxis: axis,
      yAxis: { type: 'value', name: '%', min: 0, max: 100 },
      series: [
        {
          name: '支小支农占比',
          type: 'line',
          data: d.byMonth.map((m) => pct(m.smallAgriShare)),
          markLine: targetLine('目标', d.targets.smallAgriShare),
        },
        {
          name: '单户500万元及以下占比',
          type: 'line',
          data: d.byMonth.map((m) => pct(m.smallHouseholdShare)),
          markLine: targetLine('目标', d.targets.smallHouseholdShare),
        },
      ],
    });
    drawChart(fees, {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
      legend: { top: 0 },
      grid: { left: 50, right: 90, top: 40, bottom: 30 },
      xAxis: axis,
      yAxis: { type: 'value', name: '%', min: 0 },
      series: [
        {
          name: '平均担保费率',
          type: 'line',
          data: d.byMonth.map((m) => pct(m.averageFeeRate)),
          markLine: targetLine('费率目标', d.targets.averageFeeRate),
        },
        {
          name: '代偿率',
          type: 'line',
          data: d.byMonth.map((m) => pct(m.compensationRate)),
          markLine: { ...targetLine('预警', '0.03'), data: [{ yAxis: 3 }, { yAxis: 5 }] },
        },
      ],
    });
  });
  return el;
}

/** 区域对比: each region's new business and balance side by side, and its table. */
export function regionsView(d: Dashboard): HTMLElement {
  const chart = h('div', { class: 'chart wide', 'data-chart': 'regions' });
  const el = h(
    'div',
    {},
    chart,
    sortableTable('regions', sliceColumns('区域'), d.byRegion, (s) => s.key),
  );
  requestAnimationFrame(() =>
    drawChart(chart, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: d.byRegion.map((r) => r.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: '万元' },
      series: [
        { name: '新增担保金额', type: 'bar', data: d.byRegion.map((r) => chartNumber(r.newAmount, 10_000)) },
        { name: '在保余额', type: 'bar', data: d.byRegion.map((r) => chartNumber(r.outstandingBalance, 10_000)) },
      ],
    }),
  );
  return el;
}
