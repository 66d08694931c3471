import type { Measurement } from './load';
import type { Machine } from './machine';

export interface Setup {
  guarantees: number;
  seed: number;
  connections: number;
  seconds: number;
  warmup: number;
  database: string;
  autocannon: string;
}

export interface Result {
  scenario: string;
  statements?: { hub: number; floor?: number };
  hub: Measurement;
  /** Absent for a scenario the floor does not serve. */
  floor?: Measurement;
}

/** What bench/report.json holds: the machine, the setup and every scenario's measurements. */
export interface Report {
  date: string;
  machine: Machine;
  setup: Setup;
  results: Result[];
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());
const cpu = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(2)} ms`);

/** The Markdown the README's performance section takes as it is. */
export function markdown(machine: Machine, setup: Setup, results: Result[]): string {
  const lines = [
    `Measured by \`npm run bench\` (bench/guarantees-page.ts): ${int(setup.guarantees)} synthetic guarantees (\`seed:demo\`, seed ${setup.seed}), ` +
      `${setup.connections} concurrent clients (autocannon ${setup.autocannon}, in a separate process), ${setup.seconds} s per run after a ${setup.warmup} s warm-up, ` +
      "a FINANCE token. Before timing, both servers' pages are compared field by field; during it, every response is checked " +
      '(HTTP 200, no GraphQL error, 100 edges).',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ${machine.postgres}; ${setup.database}.`,
    '',
    '| scenario (a page: 100 rows with institution, bank and borrower) | server | req/s | p50 / p99 ms | server CPU per request | PostgreSQL CPU per request | SQL statements per request | hub ÷ floor (req/s) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.scenario} | hub: Apollo + type-graphql + shield over HTTP | ${int(r.hub.reqPerSec)} | ${ms(r.hub.p50)} / ${ms(r.hub.p99)} | ${cpu(r.hub.serverCpuMs)} | ${cpu(r.hub.databaseCpuMs)} | ${r.statements?.hub ?? '?'} | ${r.floor ? (r.hub.reqPerSec / r.floor.reqPerSec).toFixed(2) : '—'} |`,
    );
    if (r.floor)
      lines.push(
        `| ${r.scenario} | floor: node:http + one prepared pg query | ${int(r.floor.reqPerSec)} | ${ms(r.floor.p50)} / ${ms(r.floor.p99)} | ${cpu(r.floor.serverCpuMs)} | ${cpu(r.floor.databaseCpuMs)} | ${r.statements?.floor ?? '?'} | 1 |`,
      );
  }
  lines.push(
    '',
    'Server CPU is the CPU time of the Node.js process serving the page (the load generator runs in another process) divided by the ' +
      "requests it completed; PostgreSQL CPU is that of the database backends connected to the benchmark's database over the " +
      'same interval (n/a when the server is remote). Both servers share the machine with the load generator and PostgreSQL.',
  );
  return lines.join('\n');
}
