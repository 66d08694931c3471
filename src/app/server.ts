import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { TokenSettings } from '../access/token';
import { DEFAULT_LIMITS, type Config, type Limits } from '../platform/config';
import type { ReadReplicas } from '../platform/db/replicas';
import { LoginGuard } from '../modules/user/login-guard';
import { authenticator } from './authenticate';
import { buildContext, type Context } from './context';
import { jitGateway } from './executor';
import { createExpressServer } from './express-server';
import { lightenGatewayContext } from './gateway-context';
import { graphqlHttp } from './graphql-http';
import { serveExplorer } from './explorer';
import { formatError } from '../platform/errors';
import { jsonBody, jsonBodyErrors } from './http-limits';
import {
  createMetrics,
  metricsEndpoint,
  reenterRequest,
  traceBodyErrors,
  traceGraphQL,
  traceRefusal,
  traceRequests,
} from './observability';
import { legacyJsonStatus } from './protocol';
import { queryLimits } from './query-limits';
import { readRouting } from './read-routing';
import { buildSchema } from './schema';
import { dashboardPage } from './dashboard-page';
import { exportsRouter } from './exports';
import { healthCheck, unavailableAs503 } from './unavailable';

export interface HubDeps {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  /** Secret tokens are verified with: JWT_SECRET, or the one generated into the data dir in development. */
  jwtSecret: string;
  /** Streaming replicas for read-only operations (DATABASE_REPLICA_URLS). */
  replicas?: ReadReplicas;
}

/** The query limits in force, and whether introspection needs a viewer (production). */
export interface ApolloOptions {
  readonly limits?: Limits;
  readonly production?: boolean;
  readonly replicas?: ReadReplicas;
}

export function createApollo(log: Logger, httpServer?: http.Server, options: ApolloOptions = {}): ApolloServer<Context> {
  const logUnexpected = (err: unknown) => log.error({ err }, 'unexpected error in a resolver');
  const limits = queryLimits(options.limits ?? DEFAULT_LIMITS, options.production ?? false);
  lightenGatewayContext();
  return new ApolloServer<Context>({
    // The schema, executed by graphql-jit (app/executor.ts) through Apollo's custom-executor interface.
    gateway: jitGateway(buildSchema(logUnexpected)),
    formatError: (formatted, error) => formatError(formatted, error, logUnexpected),
    includeStacktraceInErrorResponses: false,
    // Open to signed-in callers everywhere, to anonymous ones outside production (query-limits.ts).
    introspection: true,
    // main.ts handles SIGINT/SIGTERM: drain through apollo.stop(), then close the database, then exit.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ...limits.plugins,
      legacyJsonStatus,
      traceGraphQL,
      // Its per-field wrapper costs ~30% of throughput and the hub sets no cache hints (STACK.md).
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads from a CDN; the hub serves its own explorer at /explorer.
      ApolloServerPluginLandingPageDisabled(),
      unavailableAs503(log),
      ...(options.replicas ? [readRouting(options.replicas, log)] : []),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

/** The HTTP app: /graphql, /healthz, /metrics, /dashboard, /exports and, in development, a schema explorer served from the hub itself. */
export async function createHttpServer(deps: HubDeps): Promise<{ server: http.Server; apollo: ApolloServer<Context> }> {
  const { config, dataSource, log, jwtSecret, replicas } = deps;
  const app = express();
  app.disable('x-powered-by');
  // No ETag over each JSON answer: hashing a 50 KB page cost more than any conditional GET could save (a POST has none).
  app.set('etag', false);
  // Whose X-Forwarded-For to believe for `req.ip`, the address login failures are counted by (TRUST_PROXY).
  app.set('trust proxy', config.trustProxy);
  // First: the request id, the access line and the metrics cover every route, refusals included.
  const metrics = createMetrics(dataSource, config);
  app.use(traceRequests(log, metrics));
  const server = createExpressServer(app);
  const apollo = createApollo(log, server, { limits: config.limits, production: config.nodeEnv === 'production', replicas });
  await apollo.start();

  const health = healthCheck(dataSource, log);
  server.once('close', () => void health.close());
  app.get('/healthz', async (_req, res) => {
    if (await health.check()) res.json({ status: 'ok', database: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: 'unreachable' });
  });

  app.get('/metrics', metricsEndpoint(config.metrics, metrics, config.trustProxy));

  // Opt-in: a deployment that forgets NODE_ENV is production and serves no explorer.
  if (config.nodeEnv === 'development') serveExplorer(app);

  const tokens: TokenSettings = { secret: jwtSecret, expiresIn: config.jwtExpiresIn };
  const auth = authenticator(dataSource, jwtSecret, config.limits.jwtMaxLifetimeSeconds);
  const guard = new LoginGuard(config.limits);
  const contextOf = async (req: express.Request) => {
    const viewer = await auth.viewerOf(req.headers.authorization).catch((err: unknown) => {
      traceRefusal(err instanceof GraphQLError ? String(err.extensions.code) : 'INTERNAL_SERVER_ERROR');
      throw err;
    });
    return buildContext(dataSource.manager, viewer, log, tokens, { guard, address: req.ip ?? null });
  };
  app.use(
    '/graphql',
    jsonBody(config.limits.bodyMaxBytes),
    reenterRequest,
    graphqlHttp(apollo, ({ req }) => contextOf(req)),
  );
  app.use('/exports', exportsRouter(apollo, contextOf, log));
  app.use('/dashboard', dashboardPage());
  app.use(traceBodyErrors, jsonBodyErrors);
  return { server, apollo };
}
