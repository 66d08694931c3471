/**
 * Apache ECharts, only the parts the page draws (tree-shaken): line and bar series, grid, tooltip, legend
 * and the target mark lines, on the canvas renderer (it needs no inline styles, so the page's CSP stays 'self').
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const charts = new Set<ReturnType<typeof init>>();

export function drawChart(el: HTMLElement, option: EChartsCoreOption): void {
  const chart = init(el, undefined, { renderer: 'canvas' });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
  charts.add(chart);
}

export function disposeCharts(): void {
  for (const chart of charts) chart.dispose();
  charts.clear();
}

addEventListener('resize', () => charts.forEach((c) => c.resize()));
