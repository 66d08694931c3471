import { addTable, chineseDate, type Column } from './export.sheet';
import { defineExport } from './export.types';

interface Eligible {
  code: string;
  startOn: string;
  guaranteedAmount: string;
  feeRate: string;
  borrower: { name: string };
}

interface Claim {
  id: string;
  year: number;
  status: string;
  paidOn: string | null;
  eligibleCount: number;
  eligibleAmount: string;
  subsidyRate: string;
  subsidy: string;
  institution: { name: string };
  eligibleGuarantees: Eligible[];
}

const STATUS: Record<string, string> = { SUBMITTED: '已提交，待审核', APPROVED: '审核通过', REJECTED: '审核不通过', PAID: '已拨付' };

const COLUMNS: Column[] = [
  { header: '项目 / 担保业务编号', kind: 'text', width: 28 },
  { header: '借款人', kind: 'text', width: 28 },
  { header: '起始日期', kind: 'text', width: 14 },
  { header: '担保费率', kind: 'rate' },
  { header: '笔数', kind: 'count' },
  { header: '金额（元）', kind: 'yuan', width: 20 },
];

/** 担保费补贴申请 (R8): the claim's frozen totals, then the guarantees it counted that the caller may read. */
export const feeSubsidyClaimExport = defineExport<{ feeSubsidyClaims: Claim[] }, Claim>({
  path: '/fee-subsidy-claims/:id.xlsx',
  query: `{ feeSubsidyClaims { id year status paidOn eligibleCount eligibleAmount subsidyRate subsidy institution { name }
    eligibleGuarantees { code startOn guaranteedAmount feeRate borrower { name } } } }`,
  variables: () => ({}),
  pick: (data, req) => data.feeSubsidyClaims.find((c) => c.id === req.params.id) ?? null,
  fileName: (c) => `fee-subsidy-claim-${c.year}.xlsx`,
  fill(book, c) {
    const paid = c.paidOn ? `，${chineseDate(c.paidOn)}拨付` : '';
    const title = `${c.institution.name} ${c.year}年度担保费补贴申请（${STATUS[c.status] ?? c.status}${paid}，金额单位：元）`;
    addTable(book, '担保费补贴', title, COLUMNS, [
      ['符合条件的担保业务', null, null, null, c.eligibleCount, c.eligibleAmount],
      ['补贴比例', null, null, c.subsidyRate, null, null],
      ['补贴金额', null, null, null, null, c.subsidy],
      ...c.eligibleGuarantees.map((g) => [g.code, g.borrower.name, g.startOn, g.feeRate, null, g.guaranteedAmount]),
    ]);
  },
});
