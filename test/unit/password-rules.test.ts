import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '../../src/modules/user/user.passwords';

/** The rules of every password the hub sets (issue 9; NIST SP 800-63B §5.1.1): a length, and not the username. */
function refusal(password: string, username: string): [string, string | null] | null {
  try {
    checkNewPassword(password, username, 'newPassword');
    return null;
  } catch (err) {
    const e = err as { code: string; field: string | null };
    return [e.code, e.field];
  }
}

describe('checkNewPassword', () => {
  it.each([
    ['12 characters', '123456789012', 'li.si', null],
    ['11 characters', '12345678901', 'li.si', 'BAD_USER_INPUT'],
    ['12 Chinese characters (counted as a person counts them)', '正确的马电池订书钉真好记', 'li.si', null],
    ['11 Chinese characters', '正确的马电池订书钉真好', 'li.si', 'BAD_USER_INPUT'],
    ['257 characters', 'x'.repeat(257), 'li.si', 'BAD_USER_INPUT'],
    ['256 characters', 'x'.repeat(256), 'li.si', null],
    ['the username itself', 'finance.linqing', 'finance.linqing', 'BAD_USER_INPUT'],
    ['the username in capitals', 'FINANCE.LINQING', 'finance.linqing', 'BAD_USER_INPUT'],
    ['the username inside', 'my-Finance.Linqing-2026', 'finance.linqing', 'BAD_USER_INPUT'],
    ['the username in full-width letters (NFKC)', 'ｆｉｎａｎｃｅ.linqing!', 'finance.linqing', 'BAD_USER_INPUT'],
    ['part of the username only', 'finance-bureau-2026', 'finance.linqing', null],
  ])('%s', (_what, password, username, code) => {
    expect(refusal(password, username)).toEqual(code === null ? null : [code, 'newPassword']);
  });
});
