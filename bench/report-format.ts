import type { ImportMeasurement } from './import';
import type { Measurement } from './load';
import type { Machine } from './machine';

export interface Setup {
  guarantees: number;
  seed: number;
  /** seed:demo's wall time, s (its steps are in the console log). */
  seedSeconds: number;
  connections: number;
  seconds: number;
  warmup: number;
  /** Requests each dashboard floor was measured over (by as many clients, at most --connections). */
  floorRequests: number;
  /** The scenario ids run (--scenarios). */
  scenarios: string[];
  database: string;
  autocannon: string;
  /** The machine's 1-minute load average when the bench started and when it ended (os.loadavg). */
  loadAverage: { start: number; end: number };
}

/** A run's figures and the clients that loaded it. */
export type Run = Measurement & { clients?: number };

export interface Result {
  scenario: string;
  statements?: { hub: number; floor?: number };
  /** Absent when the scenario failed. */
  hub?: Run;
  /** Why the scenario failed (a bad response under load): it has no figures. */
  failure?: string;
  /** Absent for a scenario the floor does not serve. */
  floor?: Run;
  /** Sequential hub reads each right after a committed write (aggregate reads): p50 and max, ms. */
  afterWrite?: { p50: number; max: number };
}

/** What bench/report.json holds: the machine, the setup and every scenario's measurements. */
export interface Report {
  date: string;
  machine: Machine;
  setup: Setup;
  results: Result[];
  /** The import timed after the scenarios (--import-rows), with the load average when it ended; or why it failed. */
  import?: (ImportMeasurement & { loadAverage: number }) | { failure: string };
}

const int = (n: number) => Math.round(n).toLocaleString('en');
// A floor at 10^7 completes 4 requests in minutes: 0.018 req/s, not 0.0.
const rate = (n: number) => (n < 0.1 ? n.toPrecision(2) : n < 10 ? n.toFixed(1) : int(n));
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());
const cpu = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(2)} ms`);

/** The Markdown the README's performance section takes as it is. */
export function markdown({ machine, setup, results, import: imported }: Report): string {
  const lines = [
    `Measured by \`npm run bench\` (bench/guarantees-page.ts): ${int(setup.guarantees)} synthetic guarantees (\`seed:demo\`, seed ${setup.seed}), ` +
      `${setup.connections} concurrent clients (autocannon ${setup.autocannon}, in a separate process), ${setup.seconds} s per run after a ${setup.warmup} s warm-up, ` +
      'a FINANCE token (the county dashboard: a LOCAL_GOVERNMENT one). Before timing, hub and floor answers are compared row by row ' +
      '(pages) or figure by figure (dashboards); during it, every response is checked (HTTP 200, no GraphQL error, 100 edges for a page). ' +
      `A dashboard's floor (one statement over the guarantee rows) is measured over ${setup.floorRequests} requests by ${Math.min(setup.floorRequests, setup.connections)} clients: not a timed run. ` +
      '"Right after a write": 20 sequential hub reads, each after a committed write bumped a data version (the cache\'s miss).',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ${machine.postgres}; ${setup.database}. ` +
      `Seeded in ${setup.seedSeconds.toFixed(1)} s. Load average (1 min) ${setup.loadAverage.start.toFixed(1)} at the start, ${setup.loadAverage.end.toFixed(1)} at the end. ` +
      `Scenarios: ${setup.scenarios.join(', ')}.`,
    '',
    '| scenario | server | req/s | p50 / p97.5 / p99 ms | server CPU per request | PostgreSQL CPU per request | SQL statements per request | hub ÷ floor (req/s) | right after a write: p50 / max ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const latency = (m: Measurement) => `${ms(m.p50)} / ${ms(m.p97_5)} / ${ms(m.p99)}`;
  for (const r of results) {
    if (!r.hub) {
      const why = (r.failure ?? 'no figures').split('\n')[0].replace(/\|/g, '/').slice(0, 300);
      lines.push(`| ${r.scenario} | hub | FAILED: ${why} | | | | ${r.statements?.hub ?? '?'} | | |`);
      continue;
    }
    const afterWrite = r.afterWrite ? `${ms(r.afterWrite.p50)} / ${ms(r.afterWrite.max)}` : '—';
    const ratio = r.floor ? (r.hub.reqPerSec / r.floor.reqPerSec).toFixed(r.hub.reqPerSec / r.floor.reqPerSec < 10 ? 2 : 0) : '—';
    lines.push(
      `| ${r.scenario} | hub: Apollo + type-graphql + shield over HTTP | ${rate(r.hub.reqPerSec)} | ${latency(r.hub)} | ${cpu(r.hub.serverCpuMs)} | ${cpu(r.hub.databaseCpuMs)} | ${r.statements?.hub ?? '?'} | ${ratio} | ${afterWrite} |`,
    );
    if (r.floor)
      lines.push(
        `| ${r.scenario} | floor: node:http + one prepared pg query | ${rate(r.floor.reqPerSec)} | ${latency(r.floor)} | ${cpu(r.floor.serverCpuMs)} | ${cpu(r.floor.databaseCpuMs)} | ${r.statements?.floor ?? '?'} | 1 | — |`,
      );
  }
  if (imported)
    lines.push(
      '',
      'failure' in imported
        ? `Import: FAILED: ${imported.failure.split('\n')[0]}`
        : `Import (\`npm run import\`'s path, bench/import.ts: one transaction, every rule per row) of ${int(imported.rows)} rows beside the seeded guarantees: ` +
            `${imported.seconds.toFixed(1)} s, ${int(imported.rowsPerSecond)} rows/s (load average ${imported.loadAverage.toFixed(1)} when it ended).`,
    );
  lines.push(
    '',
    'Server CPU is the CPU time of the Node.js process serving the page (the load generator runs in another process) divided by the ' +
      "requests it completed; PostgreSQL CPU is that of the database backends connected to the benchmark's database over the " +
      'same interval (n/a when the server is remote). Both servers share the machine with the load generator and PostgreSQL.',
  );
  return lines.join('\n');
}
