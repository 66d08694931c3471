/**
 * The V8 flags the hub runs with: `npm start`'s (package.json, test/unit/node-flags.test.ts keeps them the same), and so
 * every hub the benches and scripts/measure-startup.ts start, in their own process or not.
 *
 * `--initial-old-space-size=256`: the old generation may grow to 256 MB before its first full collection. A hub under
 * load promotes ~1–2 MB/s (what outlives a young-generation collection: pool timers, a request in flight at two
 * scavenges in a row); V8 then sized each next limit ~10 MB above the ~55 MB it keeps live, so under the bench's load
 * a full collection (6–12 ms of pause, marking steps up to 16 ms) came every ~2.5 s, and the list page's p99 with
 * them: 10 in one 15 s run, p99 38 ms, against none and 26 ms with the flag (10^5 guarantees, 2026-12-03). It is a
 * limit, not an allocation: a hub's memory at rest does not change.
 */
export const HUB_NODE_FLAGS: readonly string[] = ['--initial-old-space-size=256'];
