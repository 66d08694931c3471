import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/platform/lib/decimal';
import { redactArgs, targetIds } from '../../src/modules/audit/audit.redact';

describe("what the audit log keeps of a mutation's arguments", () => {
  it('never keeps passwords, tokens or secrets', () => {
    const kept = JSON.stringify(
      redactArgs({ username: 'zhang', password: 'correct horse battery', input: { newPassword: 'p', token: 't', clientSecret: 's' } }),
    );
    expect(kept).not.toMatch(/correct horse|"p"|"t"|"s"/);
    expect(redactArgs({ username: 'zhang', password: 'x' })).toEqual({ username: 'zhang', password: '[redacted]' });
  });

  it("keeps a long text (an import's CSV) as its size only", () => {
    const csv = `code,borrower_name\n${'G-1,某企业\n'.repeat(100)}`;
    expect(redactArgs({ institutionId: 'i', csv })).toEqual({ institutionId: 'i', csv: { characters: csv.length, lines: 102 } });
    expect(redactArgs({ note: 'short note' })).toEqual({ note: 'short note' });
  });

  it('masks borrower identifiers and writes decimals as text', () => {
    expect(redactArgs({ input: { borrower: { identifier: '371502199001011234' }, loanAmount: new Dec('10000000.00') } })).toEqual({
      input: { borrower: { identifier: '3715**********1234' }, loanAmount: '10000000' },
    });
  });

  it("masks identifiers quoted in any text it keeps: a short CSV, a lead's evidence, a note", () => {
    const csv = 'code,borrower_identifier\nG-1,37150219900101123x\nG-2,91371502MA3C8FQX2K';
    const kept = JSON.stringify(
      redactArgs({
        csv,
        input: { evidence: '借款人身份证371502199001011234转移资产' },
        note: '担保人 91371502MA3C8FQX2K',
        caseNumber: '聊公经立字〔2024〕123号',
      }),
    );
    for (const identifier of ['37150219900101123x', '371502199001011234', '91371502MA3C8FQX2K']) expect(kept).not.toContain(identifier);
    expect(kept).toContain('G-1,3715**********123x');
    expect(kept).toContain('身份证3715**********1234转移资产');
    expect(kept).toContain('聊公经立字〔2024〕123号');
  });

  it('names the ids of the arguments at any depth and of the result', () => {
    const ids = targetIds(
      { id: 'a', input: { institutionId: 'b', borrower: { regionId: 'c' } }, memberIds: ['d', 'e'], note: 'not an id' },
      { id: 'f', guaranteeId: 'g', viewer: { id: 'h' }, amount: '1.00' },
    );
    expect(ids.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(targetIds({ id: 'a' }, new Error('rejected'))).toEqual(['a']);
  });
});
