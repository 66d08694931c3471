import { describe, expect, it } from 'vitest';
import { BorrowerKind } from '../../src/modules/borrower/borrower.entity';
import {
  agreementInForce,
  exceedsCreditLine,
  isSmallAgri,
  isSmallHousehold,
  r2Violation,
} from '../../src/modules/guarantee/grant/grant.calc';
import { GuaranteeKind } from '../../src/modules/guarantee/guarantee.entity';
import { decodeCursor, encodeCursor } from '../../src/modules/guarantee/page/guarantee.page';
import { type GuaranteeDraft, validateGuarantee } from '../../src/modules/guarantee/grant/grant.validate';

const CAP = '10000000.00';

describe('R1 支小支农 (单户1000万元及以下: the bound is included)', () => {
  it.each([
    ['10000000.00', true],
    ['9999999.99', true],
    ['10000000.01', false],
    ['0.01', true],
  ])('in force %s at the institution → %s', (total, expected) => {
    expect(isSmallAgri(BorrowerKind.FARMER, GuaranteeKind.LOAN, total, CAP)).toBe(expected);
  });

  it.each([
    [BorrowerKind.SMALL_ENTERPRISE, true],
    [BorrowerKind.MICRO_ENTERPRISE, true],
    [BorrowerKind.INDIVIDUAL_BUSINESS, true],
    [BorrowerKind.FARMER, true],
    [BorrowerKind.FAMILY_FARM, true],
    [BorrowerKind.FARMER_COOPERATIVE, true],
    [BorrowerKind.AGRICULTURAL_ENTERPRISE, true],
    [BorrowerKind.OTHER_ENTERPRISE, false],
    [BorrowerKind.GOVERNMENT_PLATFORM, false],
  ])('borrower kind %s → %s; never for a bond', (kind, expected) => {
    expect(isSmallAgri(kind, GuaranteeKind.LOAN, '1.00', CAP)).toBe(expected);
    expect(isSmallAgri(kind, GuaranteeKind.OTHER_FINANCING, '1.00', CAP)).toBe(expected);
    expect(isSmallAgri(kind, GuaranteeKind.BOND, '1.00', CAP)).toBe(false);
  });

  it('small household (国办发〔2019〕6号: 500万元及以下) is a part of 支小支农', () => {
    expect(isSmallHousehold(true, '5000000.00', '5000000.00')).toBe(true);
    expect(isSmallHousehold(true, '5000000.01', '5000000.00')).toBe(false);
    expect(isSmallHousehold(false, '1.00', '5000000.00')).toBe(false);
  });
});

describe('R2 (实施意见（一）)', () => {
  it('refuses every guarantee of a government platform, and names the bond case', () => {
    expect(r2Violation(BorrowerKind.GOVERNMENT_PLATFORM, GuaranteeKind.LOAN)).toMatch(/platform/);
    expect(r2Violation(BorrowerKind.GOVERNMENT_PLATFORM, GuaranteeKind.BOND)).toMatch(/bond/);
    expect(r2Violation(BorrowerKind.SMALL_ENTERPRISE, GuaranteeKind.BOND)).toBeNull();
    expect(r2Violation(BorrowerKind.OTHER_ENTERPRISE, GuaranteeKind.LOAN)).toBeNull();
  });
});

describe('R6 credit line (reaching it is allowed, passing it is not)', () => {
  it.each([
    ['200000.00', '800000.00', '1000000.00', false],
    ['200000.00', '800000.01', '1000000.00', true],
    ['0.00', '0.01', '0.00', true],
  ])('used %s + %s against %s exceeds: %s', (used, amount, line, expected) => {
    expect(exceedsCreditLine(used, amount, line)).toBe(expected);
  });

  const a = (signedOn: string, expiresOn: string | null, id: string) => ({ id, signedOn, expiresOn });
  it('finds the agreement in force on a day, both ends included, the latest signed winning', () => {
    const list = [a('2023-01-01', null, 'old'), a('2024-01-01', '2024-12-31', 'renewal')];
    expect(agreementInForce(list, '2022-12-31')).toBeUndefined();
    expect(agreementInForce(list, '2023-01-01')?.id).toBe('old');
    expect(agreementInForce(list, '2024-01-01')?.id).toBe('renewal');
    expect(agreementInForce(list, '2024-12-31')?.id).toBe('renewal');
    expect(agreementInForce(list, '2025-01-01')?.id).toBe('old');
    expect(agreementInForce([a('2024-01-01', '2024-06-30', 'x')], '2024-07-01')).toBeUndefined();
  });
});

describe('validateGuarantee: the one validation of createGuarantee and the import', () => {
  const draft = (o: Partial<GuaranteeDraft> = {}, borrower: Partial<GuaranteeDraft['borrower']> = {}): GuaranteeDraft => ({
    bankId: '0b5c1a0e-0000-4000-8000-000000000001',
    code: 'G-1',
    borrower: {
      name: '某公司',
      identifier: '91350100M000100Y43',
      kind: 'SMALL_ENTERPRISE',
      regionId: '0b5c1a0e-0000-4000-8000-000000000002',
      ...borrower,
    },
    kind: 'LOAN',
    loanAmount: '100.00',
    guaranteedAmount: '100',
    feeRate: '0.01',
    startOn: '2024-01-01',
    endOn: '2024-01-01',
    ...o,
  });

  it('normalises a valid draft to what the database stores', () => {
    const v = validateGuarantee(draft({ code: ' G-1 ' }, { identifier: '91350100m000100y43' }));
    expect(v).toEqual({
      ok: true,
      value: expect.objectContaining({
        code: 'G-1',
        guaranteedAmount: '100.00',
        feeRate: '0.010000',
        borrower: expect.objectContaining({ identifier: '91350100M000100Y43', identifierKind: 'CREDIT_CODE' }),
      }),
    });
  });

  // ../shared/DESIGN.md §4: 纳入省再担保 as GraphQL gives it (a boolean, or absent) and as a file's cell spells it.
  it.each([
    [undefined, true, false],
    [null, true, false],
    [true, true, true],
    [false, true, false],
    ['', true, false],
    ['true', true, true],
    [' TRUE ', true, true],
    ['false', true, false],
    ['是', true, true],
    ['否', true, false],
    ['1', true, true],
    ['0', true, false],
    ['yes', false, undefined],
    ['2', false, undefined],
    ['constructor', false, undefined],
  ])('reads reGuaranteed %j (valid: %s) as %s', (raw, valid, flag) => {
    const v = validateGuarantee(draft({ reGuaranteed: raw as GuaranteeDraft['reGuaranteed'] }));
    expect(v.ok).toBe(valid);
    if (v.ok) expect(v.value.reGuaranteed).toBe(flag);
    else expect(v.issues.map((i) => [i.field, i.code])).toEqual([['reGuaranteed', 'BAD_USER_INPUT']]);
  });

  it("reports every problem with its field path, field problems before the policy's", () => {
    const v = validateGuarantee(
      draft(
        { guaranteedAmount: '100.01', feeRate: 'abc', startOn: '2024-02-30', kind: 'BOND' },
        { kind: 'GOVERNMENT_PLATFORM', identifier: 'x' },
      ),
    );
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues.map((i) => [i.field, i.code])).toEqual([
        ['borrower.identifier', 'BAD_USER_INPUT'],
        ['guaranteedAmount', 'BAD_USER_INPUT'],
        ['feeRate', 'BAD_USER_INPUT'],
        ['startOn', 'BAD_USER_INPUT'],
        ['borrower.kind', 'POLICY_VIOLATION'],
      ]);
    }
  });
});

describe('guarantee cursors', () => {
  it('round-trip and refuse anything else', () => {
    const row = { startOn: '2024-03-01', id: '0b5c1a0e-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    for (const bad of [
      '',
      'abc',
      Buffer.from('g1:2024-03-01:nope').toString('base64url'),
      Buffer.from(`x1:2024-03-01:${row.id}`).toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor/);
    }
  });

  it('are the base64url of their text, one after another and for a text longer than the shared buffer', () => {
    const own = (startOn: string, id: string) => Buffer.from(`g1:${startOn}:${id}`, 'utf8').toString('base64url');
    const rows = ['0b5c1a0e-0000-4000-8000-000000000001', '0b5c1a0e-0000-4000-8000-00000000000f'].map((id) => ({
      startOn: '2026-12-03',
      id,
    }));
    expect(rows.map(encodeCursor)).toEqual(rows.map((r) => own(r.startOn, r.id)));
    const long = { startOn: '2026-12-03', id: '长'.repeat(200) };
    expect(encodeCursor(long)).toBe(own(long.startOn, long.id));
    expect(encodeCursor({ startOn: '2026-12-03', id: 'x' })).toBe(own('2026-12-03', 'x'));
  });
});
