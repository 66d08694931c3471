import { isDeepStrictEqual } from 'node:util';
import { Role } from '../src/access/roles';
import { businessToday } from '../src/platform/lib/dates';
import { DASHBOARD_QUERY, SUPERVISION_QUERY, WARNINGS_QUERY } from './aggregate-queries';
import { BenchFailure } from './load';
import type { ScenarioId } from './scenario-filter';
import type { Scenario, ScenarioSource } from './scenarios';

/** Requests the warnings and the supervision list are measured over: at 10^6 one took seconds (README, Performance). */
const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/**
 * The aggregate reads of issue 12: the city-wide dashboard for this year (FINANCE) and one county's (a
 * LOCAL_GOVERNMENT viewer of 东昌府区), each beside its floor (bench/dashboard-floor.ts: the same figures by one
 * statement over the guarantee rows) and compared with it figure by figure before timing; the warnings of today
 * and the supervision list of last month, on the hub alone. Every scenario's `write` bumps one institution's
 * data version, as a committed grant does, so the report also shows the hub's reads right after a write (the
 * miss of the dashboard's and the warnings' caches).
 */
export const aggregateScenarios: ScenarioSource = async ({ dataSource, sign, floorRequests, scanTimeout }) => {
  const [county] = await dataSource.query(`SELECT id, name FROM region WHERE code = '371502'`);
  const today = businessToday();
  const year = today.slice(0, 4);
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const filter = { from: `${year}-01-01`, to: `${year}-12-31` };
  const write = async () => {
    await dataSource.query(
      `UPDATE ledger_version SET version = version + 1 WHERE institution_id = (SELECT min(institution_id::text)::uuid FROM ledger_version)`,
    );
  };
  const dashboard = (id: ScenarioId, name: string, token: string | undefined, scopeRegionId: string | null): Scenario => ({
    id,
    name,
    token,
    hubBody: body(DASHBOARD_QUERY, { filter }),
    floorBody: body(DASHBOARD_QUERY, { filter, scopeRegionId }),
    compare: compareDashboards(name),
    write,
    timeout: scanTimeout,
    floorRequests,
  });
  return [
    dashboard('city', `city-wide dashboard, ${year}`, undefined, null),
    dashboard(
      'county',
      `one county's dashboard (${county.name}, LOCAL_GOVERNMENT), ${year}`,
      await sign(Role.LOCAL_GOVERNMENT, county.id),
      county.id,
    ),
    {
      id: 'warnings',
      name: 'warnings as of today, city-wide',
      hubBody: body(WARNINGS_QUERY, {}),
      write,
      timeout: scanTimeout,
    },
    {
      id: 'supervision',
      name: `supervision list of ${lastMonth}, city-wide`,
      hubBody: body(SUPERVISION_QUERY, { month: lastMonth }),
      write,
      timeout: scanTimeout,
    },
  ];
};

type Slices = Record<string, unknown>;

/** Every slice (total, by region, institution, bank and month) equal, field by field; the hub's policy targets aside. */
const compareDashboards = (name: string) => (hubData: Record<string, unknown>, floorData: Record<string, unknown>) => {
  const { targets, ...hub } = hubData.dashboard as Slices;
  const floor = floorData.dashboard as Slices;
  if (!targets) throw new BenchFailure(`${name}: the hub's dashboard has no targets`);
  const total = hub.total as { newCount: number };
  if (!total || total.newCount === 0) throw new BenchFailure(`${name}: the hub's dashboard counts no new business: nothing is measured`);
  for (const part of ['total', 'byRegion', 'byInstitution', 'byBank', 'byMonth']) {
    const [h, f] = [hub[part], floor[part]].map((v) => (Array.isArray(v) ? v : [v]) as unknown[]);
    const at = Array.from({ length: Math.max(h.length, f.length) }, (_, i) => i).find((i) => !isDeepStrictEqual(h[i], f[i]));
    if (at !== undefined)
      throw new BenchFailure(`${name}: ${part}[${at}] differs:\n hub   ${JSON.stringify(h[at])}\n floor ${JSON.stringify(f[at])}`);
  }
};
