import { addTable, chineseDate, type Column } from './export.sheet';
import { defineExport } from './export.types';

interface Scorecard {
  bank: { name: string };
  year: number;
  agreementCount: number;
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  creditLine: string;
  usedCredit: string;
  averageBankRiskShare: string | null;
  compensationRate: string | null;
}

/** 银担合作考核 (R19) of a year: /exports/bank-scorecards.xlsx?year=2025. */
type ScorecardData = { bankScorecards: Scorecard[]; policyTargets: { minBankRiskShare: string } };

export const bankScorecardsExport = defineExport<ScorecardData, ScorecardData>({
  path: '/bank-scorecards.xlsx',
  query: `query ($year: Int!) { policyTargets { minBankRiskShare }
    bankScorecards(year: $year) { bank { name } year agreementCount newCount newAmount smallAgriAmount creditLine usedCredit averageBankRiskShare compensationRate } }`,
  variables: (req) => ({ year: /^\d{4}$/.test(req.query.year ?? '') ? Number(req.query.year) : new Date().getFullYear() }),
  pick: (data) => data,
  fileName: (d) => `bank-scorecards-${d.bankScorecards[0]?.year ?? ''}.xlsx`,
  fill(book, { bankScorecards: cards, policyTargets }, req) {
    const columns: Column[] = [
      { header: '银行', kind: 'text', width: 28 },
      { header: '合作协议数', kind: 'count' },
      { header: '新增担保笔数', kind: 'count' },
      { header: '新增担保金额（元）', kind: 'yuan', width: 20 },
      { header: '支小支农金额（元）', kind: 'yuan', width: 20 },
      { header: '授信额度（元）', kind: 'yuan', width: 20 },
      { header: '已用额度（元）', kind: 'yuan', width: 20 },
      { header: '平均分险比例', kind: 'rate' },
      { header: '分险比例目标（不低于）', kind: 'rate', width: 22 },
      { header: '代偿率', kind: 'rate' },
    ];
    addTable(
      book,
      '银担合作考核',
      `银担合作考核（${String(this.variables(req).year)}年，金额单位：元）`,
      columns,
      cards.map((c) => [
        c.bank.name,
        c.agreementCount,
        c.newCount,
        c.newAmount,
        c.smallAgriAmount,
        c.creditLine,
        c.usedCredit,
        c.averageBankRiskShare,
        policyTargets.minBankRiskShare,
        c.compensationRate,
      ]),
    );
  },
});

interface Warning {
  level: string;
  message: string;
  value: string | null;
  threshold: string | null;
  institution: { name: string };
}

interface Entry {
  institution: { name: string };
  reportOverdue: boolean;
  reasons: string[];
}

const LEVEL: Record<string, string> = { RED: '红色', YELLOW: '黄色' };

/** 预警 (R17, as of today) and the month's 督导名单 (R18): /exports/supervision.xlsx?month=2025-03. */
export const supervisionExport = defineExport<
  { warnings: Warning[]; supervisionList: Entry[] },
  { warnings: Warning[]; supervisionList: Entry[] }
>({
  path: '/supervision.xlsx',
  query: `query ($month: String!) { warnings { level message value threshold institution { name } }
    supervisionList(month: $month) { institution { name } reportOverdue reasons } }`,
  variables: (req) => ({ month: req.query.month ?? '' }),
  pick: (data) => data,
  fileName: (_d, req) => `supervision-${req.query.month ?? ''}.xlsx`,
  fill(book, d, req) {
    addTable(
      book,
      '预警',
      `预警（截至今日）`,
      [
        { header: '等级', kind: 'text', width: 10 },
        { header: '担保机构', kind: 'text', width: 28 },
        { header: '预警内容', kind: 'text', width: 60 },
        { header: '指标值', kind: 'text' },
        { header: '阈值', kind: 'text' },
      ],
      d.warnings.map((w) => [LEVEL[w.level] ?? w.level, w.institution.name, w.message, w.value, w.threshold]),
    );
    addTable(
      book,
      '督导名单',
      `督导名单（${chineseDate(req.query.month ?? '')}）`,
      [
        { header: '担保机构', kind: 'text', width: 28 },
        { header: '月报逾期', kind: 'text', width: 10 },
        { header: '督导事由', kind: 'text', width: 60 },
      ],
      d.supervisionList.map((e) => [e.institution.name, e.reportOverdue ? '是' : '否', e.reasons.join('；')]),
    );
  },
});
