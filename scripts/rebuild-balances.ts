import { createDataSource } from '../src/app/data-source';
import { BalanceRepo } from '../src/modules/ledger/ledger.balances';
import { ConfigError, loadConfig, redactUrl } from '../src/platform/config';
import { UsageError, command, connectFor, parse, usageFailure } from './cli';

/**
 * `npm run balances:rebuild`: the open balances R17's warnings read (household_balance and the institutions' open
 * totals on ledger_version, src/modules/ledger/ledger.balances.ts) recomputed from the guarantee table, in one
 * transaction. Every hub write path keeps them; this repairs them after guarantees were written by SQL outside the
 * hub (a hand correction, a partial restore). Database: DATABASE_URL, or the embedded database of a running hub.
 */
const program = command(
  'balances:rebuild',
  'Recompute the open balances warnings read (household_balance, ledger_version totals) from the guarantee table.',
).addHelpText(
  'after',
  `
Every write path of the hub keeps the open balances in the same transaction as the guarantee it writes; run this
after guarantees were inserted, released or corrected by SQL outside the hub. It may run while hubs serve: it takes
every institution's ledger_version row first, so it waits for the writes in flight and holds new ones off until it
commits (seconds at 10^6 guarantees), and it bumps each institution's data version, so the hubs' cached warnings and
dashboards are recomputed at their next read. No statement timeout applies to it.
Database: DATABASE_URL, or the embedded database of a running hub (npm start).
Exit status: 0 rebuilt, 1 failed (nothing changed), 2 usage.`,
);

async function main(): Promise<void> {
  parse(program);
  const config = loadConfig(process.env, { needsSecret: false });
  const { client, url } = await connectFor(config, 'the rebuild');
  await client.end();
  const dataSource = await createDataSource(url, { poolSize: 1, statementTimeoutMs: 0, lockTimeoutMs: 0 }).initialize();
  try {
    const started = process.hrtime.bigint();
    const [changed] = await dataSource.transaction(async (m) => {
      await new BalanceRepo(m).rebuild();
      return m.query(
        `SELECT (SELECT count(*) FROM household_balance)::int AS households, (SELECT count(*) FROM ledger_version)::int AS institutions`,
      );
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `${redactUrl(url)}: open balances rebuilt from the guarantee table in ${seconds.toFixed(1)} s ` +
        `(institutions: ${changed.institutions}; borrowers with an open balance: ${changed.households})`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    if (err instanceof UsageError || err instanceof ConfigError) usageFailure('balances:rebuild', err);
    process.stderr.write(`balances:rebuild: ${err.message}\nNothing was changed.\n`);
    process.exit(1);
  },
);
