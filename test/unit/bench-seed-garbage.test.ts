import { describe, expect, it } from 'vitest';
import { collectSeedGarbage } from '../../bench/prepare';

/** bench/prepare.ts: the seed's garbage is collected before the first timed run, when node exposes gc. */
describe('the bench collecting the seed’s garbage', () => {
  it('runs a full collection once and says how long it took and what the heap held before and after', () => {
    let calls = 0;
    const lines: string[] = [];
    expect(
      collectSeedGarbage(
        (line) => lines.push(line),
        () => calls++,
      ),
    ).toBe(true);
    expect(calls).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}the seed's garbage collected \(\d+ ms, heap \d+ → \d+ MB\)$/);
  });

  it('says so, and goes on, when node runs without --expose-gc', () => {
    const lines: string[] = [];
    expect(collectSeedGarbage((line) => lines.push(line), null)).toBe(false);
    expect(lines).toEqual([`  the seed's garbage left to the first scenario (node runs without --expose-gc)`]);
  });
});
