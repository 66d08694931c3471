import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/modules/guarantee/import/import.files';
import {
  columnCountProblem,
  draftOf,
  headerColumns,
  headerProblem,
  IMPORT_COLUMNS,
  rowIssue,
} from '../../src/modules/guarantee/import/import.csv';

describe('the 总对总 file (DESIGN.md §4)', () => {
  it('accepts exactly the listed header, blanks around names aside', () => {
    expect(IMPORT_COLUMNS.join(',')).toBe(
      'code,borrower_name,borrower_identifier,borrower_kind,region_code,bank_id,kind,loan_amount,guaranteed_amount,fee_rate,start_on,end_on',
    );
    expect(headerProblem([...IMPORT_COLUMNS])).toBeNull();
    expect(headerProblem(IMPORT_COLUMNS.map((c) => ` ${c} `))).toBeNull();
    expect(headerProblem(IMPORT_COLUMNS.map((c) => c.toUpperCase()))).toMatch(/exactly/);
    expect(headerProblem([...IMPORT_COLUMNS.slice(1), 'code'])).toMatch(/exactly/);
    expect(headerProblem([])).toMatch(/exactly/);
  });

  it("ignores blank cells after the last header column, as it does in data rows (a spreadsheet's formatted empty columns)", () => {
    expect(headerProblem([...IMPORT_COLUMNS, '', ' '])).toBeNull();
    expect(headerProblem([...IMPORT_COLUMNS, 'note'])).toMatch(/exactly/);
    expect(headerProblem([...IMPORT_COLUMNS.slice(0, 11), '', ''])).toMatch(/exactly/);
  });

  it('takes an optional thirteenth column re_guaranteed, and nothing else after the twelve', () => {
    expect(headerProblem([...IMPORT_COLUMNS, 're_guaranteed'])).toBeNull();
    expect(headerProblem([...IMPORT_COLUMNS, ' re_guaranteed ', ''])).toBeNull();
    expect(headerProblem([...IMPORT_COLUMNS, 're_guaranteed', 'note'])).toMatch(/exactly/);
    expect(headerProblem([...IMPORT_COLUMNS.slice(0, 11), 're_guaranteed'])).toMatch(/exactly/);
    expect(headerProblem(['re_guaranteed', ...IMPORT_COLUMNS])).toMatch(/exactly/);
    expect(headerColumns([...IMPORT_COLUMNS, 're_guaranteed', ''])).toBe(13);
    expect(headerColumns([...IMPORT_COLUMNS, ''])).toBe(12);
  });

  it('under a thirteen-column header, wants twelve or thirteen cells (an empty last cell may be left out)', () => {
    expect(columnCountProblem(Array(13).fill('x'), 13)).toBeNull();
    expect(columnCountProblem(Array(12).fill('x'), 13)).toBeNull();
    expect(columnCountProblem([...Array(13).fill('x'), ''], 13)).toBeNull();
    expect(columnCountProblem(Array(11).fill('x'), 13)).toMatch(/11 columns; the header has 13/);
    expect(columnCountProblem(Array(14).fill('x'), 13)).toMatch(/14 columns; the header has 13/);
  });

  it('wants twelve cells a row (blank trailing spreadsheet cells aside)', () => {
    expect(columnCountProblem(Array(12).fill('x'))).toBeNull();
    expect(columnCountProblem([...Array(12).fill('x'), '', ''])).toBeNull();
    expect(columnCountProblem(Array(11).fill('x'))).toMatch(/11 columns/);
    expect(columnCountProblem([...Array(12).fill('x'), 'extra'])).toMatch(/13 columns/);
  });

  it('maps a row onto the createGuarantee draft, region codes to ids', () => {
    const values = [
      'G-1',
      '张三',
      '371502199001011234',
      'FARMER',
      '371502',
      'bank',
      'LOAN',
      '1.00',
      '1.00',
      '0.01',
      '2024-01-01',
      '2024-12-31',
    ];
    const d = draftOf(values, new Map([['371502', 'region-id']]));
    expect(d).toEqual({
      code: 'G-1',
      borrower: { name: '张三', identifier: '371502199001011234', kind: 'FARMER', regionId: 'region-id' },
      bankId: 'bank',
      kind: 'LOAN',
      loanAmount: '1.00',
      guaranteedAmount: '1.00',
      feeRate: '0.01',
      startOn: '2024-01-01',
      endOn: '2024-12-31',
      reGuaranteed: '',
    });
    expect(draftOf(values, new Map()).borrower.regionId).toBe('');
    expect(draftOf([...values, '是'], new Map()).reGuaranteed).toBe('是');
  });

  it("reports issues against the file's columns", () => {
    expect(rowIssue(4, { field: 'borrower.regionId', code: 'BAD_USER_INPUT', message: 'borrower.regionId names no region' })).toEqual({
      row: 4,
      field: 'region_code',
      code: 'BAD_USER_INPUT',
      message: 'region_code names no region',
    });
    expect(
      rowIssue(5, { field: 'guaranteedAmount', code: 'CREDIT_LINE_EXCEEDED', message: 'guaranteedAmount 1.00 exceeds …' }),
    ).toMatchObject({ field: 'guaranteed_amount', message: 'guaranteed_amount 1.00 exceeds …' });
    expect(
      rowIssue(6, { field: 'borrower.kind', code: 'POLICY_VIOLATION', message: 'No guarantee for a government financing platform' }),
    ).toMatchObject({ field: 'borrower_kind', message: 'No guarantee for a government financing platform' });
  });

  it('reads spreadsheet cells as a CSV would carry them', () => {
    expect(cellText(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(cellText(1000000)).toBe('1000000');
    expect(cellText(0.0085)).toBe('0.0085');
    expect(cellText(null)).toBe('');
    expect(cellText({ richText: [{ text: '聊城' }, { text: '公司' }] })).toBe('聊城公司');
    expect(cellText({ formula: 'A1*2', result: 2000.5 } as never)).toBe('2000.5');
  });
});
