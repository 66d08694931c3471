import { gql } from '../api';
import { h } from '../dom';
import { EMPTY, formatCount, formatRate, formatWan } from '../format';
import { num, sortableTable } from './table';

interface Scorecard {
  bank: { id: string; name: string };
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  creditLine: string;
  usedCredit: string;
  averageBankRiskShare: string | null;
  compensationRate: string | null;
  agreementCount: number;
}

/** 银担合作考核 (R19) for a year: one row per bank the viewer may see. */
export async function scorecardView(year: number): Promise<HTMLElement> {
  const { bankScorecards } = await gql<{ bankScorecards: Scorecard[] }>(
    `query ($year: Int!) { bankScorecards(year: $year) { bank { id name } newCount newAmount smallAgriAmount creditLine usedCredit averageBankRiskShare compensationRate agreementCount } }`,
    { year },
  );
  return sortableTable(
    'scorecards',
    [
      { title: '银行', text: (s) => s.bank.name, sort: (s) => s.bank.name },
      { title: '合作协议', text: (s) => formatCount(s.agreementCount), sort: (s) => s.agreementCount, numeric: true },
      { title: '新增笔数', text: (s) => formatCount(s.newCount), sort: (s) => s.newCount, numeric: true, raw: (s) => s.newCount },
      {
        title: '新增金额（万元）',
        text: (s) => formatWan(s.newAmount),
        sort: (s) => num(s.newAmount),
        numeric: true,
        raw: (s) => s.newAmount,
      },
      { title: '支小支农（万元）', text: (s) => formatWan(s.smallAgriAmount), sort: (s) => num(s.smallAgriAmount), numeric: true },
      { title: '授信额度（万元）', text: (s) => formatWan(s.creditLine), sort: (s) => num(s.creditLine), numeric: true },
      { title: '已用额度（万元）', text: (s) => formatWan(s.usedCredit), sort: (s) => num(s.usedCredit), numeric: true },
      { title: '平均分险比例', text: (s) => formatRate(s.averageBankRiskShare), sort: (s) => num(s.averageBankRiskShare), numeric: true },
      { title: '代偿率', text: (s) => formatRate(s.compensationRate), sort: (s) => num(s.compensationRate), numeric: true },
    ],
    bankScorecards,
    (s) => s.bank.id,
  );
}

interface Warning {
  indicator: string;
  level: string;
  message: string;
  value: string | null;
  threshold: string | null;
  institution: { id: string; name: string };
}

interface Entry {
  institution: { id: string; name: string };
  reasons: string[];
  reportOverdue: boolean;
}

const LEVEL: Record<string, string> = { RED: '红色', YELLOW: '黄色' };

/** 预警 (R17) as of today and the month's 督导名单 (R18). */
export async function supervisionView(month: string): Promise<HTMLElement> {
  const [{ warnings }, { supervisionList }] = await Promise.all([
    gql<{ warnings: Warning[] }>(`{ warnings { indicator level message value threshold institution { id name } } }`),
    gql<{ supervisionList: Entry[] }>(
      `query ($month: String!) { supervisionList(month: $month) { institution { id name } reasons reportOverdue } }`,
      {
        month,
      },
    ),
  ]);
  return h(
    'div',
    {},
    h('h3', {}, `预警（${warnings.length}条）`),
    sortableTable(
      'warnings',
      [
        { title: '等级', text: (w) => LEVEL[w.level] ?? w.level, sort: (w) => (w.level === 'RED' ? 0 : 1) },
        { title: '担保机构', text: (w) => w.institution.name, sort: (w) => w.institution.name },
        { title: '预警内容', text: (w) => w.message },
        { title: '指标值', text: (w) => (w.value === null ? EMPTY : w.value), numeric: true },
        { title: '阈值', text: (w) => (w.threshold === null ? EMPTY : w.threshold), numeric: true },
      ],
      warnings,
      (w) => `${w.institution.id}:${w.indicator}`,
    ),
    h('h3', {}, `督导名单（${supervisionList.length}家）`),
    sortableTable(
      'supervision',
      [
        { title: '担保机构', text: (e) => e.institution.name, sort: (e) => e.institution.name },
        { title: '月报逾期', text: (e) => (e.reportOverdue ? '是' : '否'), sort: (e) => (e.reportOverdue ? 0 : 1) },
        { title: '督导事由', text: (e) => (e.reasons.length ? e.reasons.join('；') : EMPTY) },
      ],
      supervisionList,
      (e) => e.institution.id,
    ),
  );
}
