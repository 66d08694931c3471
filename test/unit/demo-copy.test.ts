import { describe, expect, it } from 'vitest';
import { copyValue } from '../../scripts/demo/demo.copy';

/** seed:demo's COPY text format (scripts/demo/demo.copy.ts): what PostgreSQL's text format escapes, and nothing else. */
describe('COPY text values', () => {
  it('escape backslash, tab, newline and carriage return wherever they occur, and leave other text as it is', () => {
    expect(copyValue('a\\b\tc\nd\re\\\\')).toBe('a\\\\b\\tc\\nd\\re\\\\\\\\');
    expect(copyValue('聊城市东昌府区 91371500MA3C')).toBe('聊城市东昌府区 91371500MA3C');
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(12.5)).toBe('12.5');
    expect(copyValue(false)).toBe('false');
  });
});
