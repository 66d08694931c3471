import http from 'node:http';
import { GraphQLError } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { getDistDirectory, renderAltair } from 'altair-static';
import express from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { bearerToken, verifyToken, type TokenSettings } from '../access/token';
import type { Viewer } from '../access/viewer';
import type { Config } from '../platform/config';
import { buildContext, type Context } from './context';
import { formatError, UnauthenticatedError } from '../platform/errors';
import { buildSchema } from './schema';
import { healthCheck, unavailableAs503 } from './unavailable';

export interface HubDeps {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  /** Secret tokens are verified with: JWT_SECRET, or the one generated into the data dir in development. */
  jwtSecret: string;
}

export function createApollo(log: Logger, httpServer?: http.Server): ApolloServer<Context> {
  const logUnexpected = (err: unknown) => log.error({ err }, 'unexpected error in a resolver');
  return new ApolloServer<Context>({
    schema: buildSchema(logUnexpected),
    formatError: (formatted, error) => formatError(formatted, error, logUnexpected),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts handles SIGINT/SIGTERM: drain through apollo.stop(), then close the database, then exit.
    stopOnTerminationSignals: false,
    plugins: [
      // Its per-field wrapper costs ~30% of throughput and the hub sets no cache hints (STACK.md).
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads from a CDN; the hub serves its own explorer at /explorer.
      ApolloServerPluginLandingPageDisabled(),
      unavailableAs503(log),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

/** The HTTP app: /graphql, /healthz and, outside production, a schema explorer served from the hub itself. */
export async function createHttpServer(deps: HubDeps): Promise<{ server: http.Server; apollo: ApolloServer<Context> }> {
  const { config, dataSource, log, jwtSecret } = deps;
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = createApollo(log, server);
  await apollo.start();

  const health = healthCheck(dataSource, log);
  server.once('close', () => void health.close());
  app.get('/healthz', async (_req, res) => {
    if (await health.check()) res.json({ status: 'ok', database: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: 'unreachable' });
  });

  if (config.nodeEnv !== 'production') {
    // City intranets reach no CDN: the explorer's assets come from the altair-static package.
    app.use('/explorer', express.static(getDistDirectory(), { index: false }));
    app.get(['/explorer', '/explorer/'], (_req, res) => {
      res.type('html').send(
        renderAltair({
          baseURL: '/explorer/',
          endpointURL: '/graphql',
          disableAccount: true,
          initialName: '聊城市政府性融资担保数据中台',
        }),
      );
    });
  }

  const tokens: TokenSettings = { secret: jwtSecret, expiresIn: config.jwtExpiresIn };
  app.use(
    '/graphql',
    express.json({ limit: '20mb' }),
    refuseMalformedJson(log),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await viewerOf(req.headers.authorization, jwtSecret);
        return buildContext(dataSource.manager, viewer, log, tokens);
      },
    }),
  );
  return { server, apollo };
}

/**
 * A body express.json cannot parse: a GraphQL-style 400, logged without the body. Express's default handler would print
 * the parser's message — which quotes the body, a login password with it — to stderr and answer HTML (DESIGN.md §6).
 */
function refuseMalformedJson(log: Logger): express.ErrorRequestHandler {
  return (err, _req, res, next) => {
    if ((err as { type?: unknown })?.type !== 'entity.parse.failed') return next(err);
    log.warn({ status: 400 }, 'refused a request body that is not valid JSON');
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  };
}

/**
 * No header: anonymous (rules answer UNAUTHENTICATED where a viewer is needed). A bad, expired or forged
 * token: the whole request is refused, HTTP 401 with `extensions.code` UNAUTHENTICATED (RFC 6750) — the
 * caller meant to be someone, and silently serving it as anonymous would hide the problem.
 */
async function viewerOf(header: string | undefined, secret: string): Promise<Viewer | null> {
  try {
    const token = bearerToken(header);
    return token === undefined ? null : await verifyToken(secret, token);
  } catch (err) {
    if (!(err instanceof UnauthenticatedError)) throw err;
    throw new GraphQLError(err.message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
      },
    });
  }
}
