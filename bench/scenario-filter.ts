/**
 * `npm run bench -- --scenarios list,deep,city,county`: the scenarios to run, by their short ids, in the bench's
 * own order whatever the order given. Pure, so that it is tested without a database (test/unit/bench-options.test.ts).
 */
export const SCENARIO_IDS = ['list', 'count', 'region', 'deep', 'city', 'county', 'warnings', 'supervision'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** The ids in `text` (comma-separated, blanks ignored); 'all' or nothing: every one. Throws naming the valid ids. */
export function parseScenarioIds(text: string | undefined): Set<ScenarioId> {
  const asked = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (asked.length === 0 || (asked.length === 1 && asked[0] === 'all')) return new Set(SCENARIO_IDS);
  const unknown = asked.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}: expected some of ${SCENARIO_IDS.join(', ')} (or all)`);
  return new Set(asked as ScenarioId[]);
}

/** Guarantees per dashboard-floor request the default budget allows for: 20 requests at 10^6 rows. */
const FLOOR_ROWS_BUDGET = 20 * 1_000_000;

/**
 * Requests an aggregate scenario's floor is measured over: `asked` (--floor-requests) when given, otherwise 20 at up to
 * 10^6 guarantees and fewer above (each request scans every guarantee), at least 4: about the same rows scanned in all.
 */
export function floorRequestsFor(guarantees: number, asked?: number): number {
  if (asked !== undefined) return asked;
  return Math.min(20, Math.max(4, Math.round(FLOOR_ROWS_BUDGET / Math.max(guarantees, 1))));
}

/** Seconds one floor or scan request may take under load: 300 at up to 10^6 guarantees, growing with the table. */
export function scanTimeoutFor(guarantees: number): number {
  return Math.round(300 * Math.max(1, guarantees / 1_000_000));
}
