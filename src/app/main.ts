import 'reflect-metadata';
import { resolveJwtSecret } from '../access/secret';
import { checkTokenSettings } from '../access/token';
import { ConfigError, loadConfig } from '../platform/config';
import { openDatabase } from './database';
import { createLogger, safeMessage } from '../platform/logger';
import { createHttpServer } from './server';

/*
 * ../shared/DESIGN.md §4: stdout carries one JSON object a line and nothing else, start-up and failures included —
 * an operator's log shipper reads every line the same way.
 */
let log = createLogger(process.env.LOG_LEVEL || 'info');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      log.fatal(`configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  let server, apollo;
  try {
    const jwtSecret = resolveJwtSecret(config);
    await checkTokenSettings({ secret: jwtSecret, expiresIn: config.jwtExpiresIn });
    ({ server, apollo } = await createHttpServer({ config, dataSource: db.dataSource, replicas: db.replicas, log, jwtSecret }));
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.port, config.host, resolve);
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
  const base = baseUrl(config.host, port);
  log.info(
    {
      host: config.host,
      port,
      database: db.description,
      nodeEnv: config.nodeEnv,
      health: `${base}/healthz`,
      metrics: `${base}/metrics`,
      ...(config.nodeEnv === 'development' ? { explorer: `${base}/explorer` } : {}),
    },
    `hub listening on ${base}/graphql${isWildcard(config.host) ? ` (all interfaces, host ${config.host})` : ''}`,
  );
}

/** 0.0.0.0 and :: are every interface: the URL to open on this machine is then localhost's. */
function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

function baseUrl(host: string, port: number): string {
  const name = isWildcard(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

main().catch((err: Error) => {
  // A migration that fails quotes its values in the message: print it without them (../shared/DESIGN.md §6).
  log.fatal(`could not start: ${safeMessage(err)}`);
  process.exit(1);
});
