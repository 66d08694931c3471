import 'reflect-metadata';
import { resolveJwtSecret } from '../access/secret';
import { checkTokenSettings } from '../access/token';
import { ConfigError, loadConfig } from '../platform/config';
import { openDatabase } from './database';
import { createLogger, safeMessage } from '../platform/logger';
import { createHttpServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`hub: configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  let server, apollo;
  try {
    const jwtSecret = resolveJwtSecret(config);
    await checkTokenSettings({ secret: jwtSecret, expiresIn: config.jwtExpiresIn });
    ({ server, apollo } = await createHttpServer({ config, dataSource: db.dataSource, replicas: db.replicas, log, jwtSecret }));
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.port, resolve);
    });
  } catch (err) {
    await db.close();
    throw err;
  }

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'stopping');
    // Whatever happens below, the process ends: a hub that cannot stop cleanly must not linger.
    setTimeout(() => process.exit(1), 15_000).unref();
    let code = 0;
    try {
      // Apollo's drain plugin stops accepting connections, closes the idle ones, lets in-flight requests
      // finish (their units of work commit or roll back), and only then is the database closed.
      await apollo.stop();
      await db.close();
    } catch (err) {
      log.error({ err }, 'could not stop cleanly');
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // `npm start` runs the hub under a shell that does not pass SIGTERM on: when whoever started it is
  // gone (the hub is re-parented), stop too, rather than keep the port and the embedded database.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent process exited');
  }, 1_000).unref();

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, database: db.description }, 'hub ready');
  console.log(`Database: ${db.description}`);
  console.log(
    `Liaocheng guarantee hub listening on http://localhost:${port}/graphql (health: /healthz${config.nodeEnv === 'production' ? '' : ', explorer: /explorer'})`,
  );
}

main().catch((err: Error) => {
  // A migration that fails quotes its values in the message: print it without them (../shared/DESIGN.md §6).
  console.error(`hub: could not start: ${safeMessage(err)}`);
  process.exit(1);
});
