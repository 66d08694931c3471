import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateGuarantee, type GuaranteeDraft } from '../../src/modules/guarantee/grant/grant.validate';
import { businessToday } from '../../src/platform/lib/dates';
import { Dec } from '../../src/platform/lib/decimal';
import { issuesOf, parseInput } from '../../src/platform/validation/parse';
import { eventDate, fraction, hubId, line, maturityDate, money, note, oneOf } from '../../src/platform/validation/schemas';
import { singleLineProblem, textProblem } from '../../src/platform/validation/text';

/** What a schema makes of a value: its canonical output, or the refusal's message. */
function outcome(schema: z.ZodType, value: unknown): { ok: unknown } | { refused: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: parsed.data } : { refused: parsed.error.issues[0].message };
}

const year = Number(businessToday().slice(0, 4));

describe('value schemas (one declaration for GraphQL inputs and import rows)', () => {
  it.each<[string, z.ZodType, unknown, unknown]>([
    ['money', money(), '0.1', { ok: '0.10' }],
    ['money', money(), new Dec('800000.5'), { ok: '800000.50' }],
    ['money', money(), ' 1 ', { ok: '1.00' }],
    ['money', money(), '9999999999999999.99', { ok: '9999999999999999.99' }],
    ['money', money(), '10000000000000000.00', { refused: 'is too large' }],
    ['money', money(), '1e3', { refused: 'must be a decimal number such as 1000000.00' }],
    ['money', money(), '1.005', { refused: 'has at most 2 decimal places (fen)' }],
    ['money', money(), '0', { refused: 'must be greater than 0' }],
    ['money', money(), 1000, { refused: 'must be a decimal number such as 1000000.00' }],
    ['money', money(), undefined, { refused: 'must be a decimal number such as 1000000.00' }],
    ['money ≥ 0', money('zero'), '0', { ok: '0.00' }],
    ['money ≥ 0', money('zero'), '-0.01', { refused: 'may not be negative' }],
    ['money any', money('any'), '-5', { ok: '-5.00' }],
    ['fraction', fraction, '0.000001', { ok: '0.000001' }],
    ['fraction', fraction, '1.0000000', { ok: '1.000000' }],
    ['fraction', fraction, '0.0000001', { refused: 'has at most 6 decimal places' }],
    ['fraction', fraction, '1.01', { refused: 'must be a fraction from 0 to 1 (0.2 is 20%)' }],
    ['event date', eventDate, '2024-02-29', { ok: '2024-02-29' }],
    ['event date', eventDate, '2023-02-29', { refused: 'must be a calendar date YYYY-MM-DD' }],
    ['event date', eventDate, '2000-01-01', { ok: '2000-01-01' }],
    ['event date', eventDate, '1999-12-31', { refused: 'may not be before 2000-01-01' }],
    ['event date', eventDate, '2999-12-31', { refused: expect.stringMatching(/^may not be after \d{4}-\d{2}-\d{2}$/) }],
    ['event date', eventDate, `${year + 2}-01-01`, { refused: expect.stringMatching(/^may not be after/) }],
    ['maturity', maturityDate, `${year + 29}-01-01`, { ok: `${year + 29}-01-01` }],
    ['maturity', maturityDate, `${year + 31}-01-01`, { refused: expect.stringMatching(/^may not be after/) }],
    ['line', line(5), ' 王刚 ', { ok: '王刚' }],
    ['line', line(5), '   ', { refused: 'may not be blank' }],
    ['line', line(5), '123456', { refused: 'has at most 5 characters' }],
    ['line', line(5), 'a\tb', { refused: 'must be a single line' }],
    ['line', line(5), 'a\u202eb', { refused: 'may not contain bidirectional override characters' }],
    ['note', note(20), null, { ok: null }],
    ['note', note(20), '  ', { ok: null }],
    ['note', note(20), ' 一\r\n二\t三 ', { ok: '一\r\n二\t三' }],
    ['note', note(20), '\ud800', { refused: 'is not valid Unicode (a lone surrogate)' }],
    ['hub id', hubId('bank'), '0B5C1A0E-0000-4000-8000-00000000000A', { ok: '0b5c1a0e-0000-4000-8000-00000000000a' }],
    ['hub id', hubId('bank'), '371502', { refused: 'names no bank' }],
    ['enum', oneOf({ A: 'A', B: 'B' }), 'C', { refused: 'must be one of A, B' }],
  ])('%s: %j → %j', (_name, schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected);
  });
});

describe('the text rule of every input (DESIGN.md §6)', () => {
  it.each<[string, string, string | null]>([
    ['plain Chinese and punctuation', '莘县某农业公司（有限合伙）·№1', null],
    ['an emoji (a valid surrogate pair)', '备注 👍', null],
    ['tab, LF, CR', 'a\tb\r\nc', null],
    ['NUL', 'a\u0000', 'may not contain NUL characters'],
    ['a lone high surrogate', 'a\ud83d', 'is not valid Unicode (a lone surrogate)'],
    ['a lone low surrogate', '\ude00a', 'is not valid Unicode (a lone surrogate)'],
    ['a backspace', 'a\u0008', 'may not contain control characters'],
    ['a vertical tab', 'a\u000b', 'may not contain control characters'],
    ['DEL', '\u007f', 'may not contain control characters'],
    ['a C1 control', '\u009b', 'may not contain control characters'],
    ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'].map((c): [string, string, string] => [
      `U+${c.charCodeAt(0).toString(16).toUpperCase()}`,
      `x${c}y`,
      'may not contain bidirectional override characters',
    ]),
  ])('%s → %s', (_what, text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it('single-line values refuse tabs and line breaks as well', () => {
    expect(singleLineProblem('a\nb')).toBe('must be a single line');
    expect(singleLineProblem('a b')).toBeNull();
  });
});

describe('issues and BAD_USER_INPUT name the field by its path in the input', () => {
  const schema = z.object({ amount: money(), borrower: z.object({ name: line(10) }) });

  it('puts the path in front of each message', () => {
    const parsed = schema.safeParse({ amount: '0', borrower: { name: '' } });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(issuesOf(parsed.error)).toEqual([
        { field: 'amount', message: 'amount must be greater than 0' },
        { field: 'borrower.name', message: 'borrower.name may not be blank' },
      ]);
  });

  it('throws a domain error (not a GraphQL one) on the first problem', () => {
    const thrown = (() => {
      try {
        parseInput(schema, { amount: '1', borrower: { name: 'x\u0000' } });
      } catch (err) {
        return err;
      }
    })();
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'borrower.name' });
    expect(thrown).not.toHaveProperty('extensions');
  });
});

describe('the guarantee schema is the import row schema', () => {
  const draft = (o: Partial<GuaranteeDraft> = {}, borrower: Partial<GuaranteeDraft['borrower']> = {}): GuaranteeDraft => ({
    bankId: '0b5c1a0e-0000-4000-8000-000000000001',
    code: 'G-1',
    borrower: {
      name: '某公司',
      identifier: '91350100M000100Y43',
      kind: 'SMALL_ENTERPRISE',
      regionId: '0B5C1A0E-0000-4000-8000-000000000002',
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

  it.each<[string, Partial<GuaranteeDraft>, Partial<GuaranteeDraft['borrower']>, string[]]>([
    ['a bidi override in the name (a CSV cell)', {}, { name: '某\u202e公司' }, ['borrower.name']],
    ['a far-future start', { startOn: '2999-12-31', endOn: '2999-12-31' }, {}, ['startOn', 'endOn']],
    ['an end before the start', { endOn: '2023-12-31' }, {}, ['endOn']],
    ['more guaranteed than lent', { guaranteedAmount: '100.01' }, {}, ['guaranteedAmount']],
    ['a blank code and a bad bank id', { code: ' ', bankId: 'x' }, {}, ['code', 'bankId']],
  ])('%s → issues on %j', (_what, o, borrower, fields) => {
    const v = validateGuarantee(draft(o, borrower));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.map((i) => i.field)).toEqual(fields);
  });

  it('lower-cases ids to the canonical form', () => {
    const v = validateGuarantee(draft());
    expect(v.ok && v.value.borrower.regionId).toBe('0b5c1a0e-0000-4000-8000-000000000002');
  });
});
