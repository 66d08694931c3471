import { describe, expect, it } from 'vitest';
import { floorRequestsFor, parseScenarioIds, SCENARIO_IDS, scanTimeoutFor } from '../../bench/scenario-filter';

describe('npm run bench options (bench/scenario-filter.ts)', () => {
  it('--scenarios: the ids given, blanks ignored; nothing or all is every scenario; an unknown id names the valid ones', () => {
    expect([...parseScenarioIds('list, deep,,city,county')]).toEqual(['list', 'deep', 'city', 'county']);
    expect([...parseScenarioIds('all')]).toEqual([...SCENARIO_IDS]);
    expect([...parseScenarioIds(undefined)]).toEqual([...SCENARIO_IDS]);
    expect(() => parseScenarioIds('list,dashboard')).toThrow(/unknown scenario dashboard: expected some of list, count,/);
  });

  it("a dashboard floor's requests: 20 up to 10^6 guarantees, fewer above (at least 4), or what --floor-requests says", () => {
    expect(floorRequestsFor(20_000)).toBe(20);
    expect(floorRequestsFor(1_000_000)).toBe(20);
    expect(floorRequestsFor(2_000_000)).toBe(10);
    expect(floorRequestsFor(10_000_000)).toBe(4);
    expect(floorRequestsFor(10_000_000, 2)).toBe(2);
  });

  it('a scan may take 300 s under load up to 10^6 guarantees, and 300 s more per further 10^6', () => {
    expect(scanTimeoutFor(2_000)).toBe(300);
    expect(scanTimeoutFor(1_000_000)).toBe(300);
    expect(scanTimeoutFor(10_000_000)).toBe(3_000);
  });
});
