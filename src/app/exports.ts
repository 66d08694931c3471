import type { ApolloServer } from '@apollo/server';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { EXPORTS } from '../modules/export/export.registry';
import { newWorkbook } from '../modules/export/export.sheet';
import type { ExportDefinition, ExportRequest } from '../modules/export/export.types';
import type { Context } from './context';

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/**
 * /exports/*.xlsx (../shared/DESIGN.md §4). Each download runs its GraphQL read through the hub's own Apollo
 * server with the caller's context, so the rules, services and scope are exactly the API's: no token or a
 * bad one is 401, a role the read refuses is 403, a record missing or outside the caller's scope is 404.
 */
export function exportsRouter(
  apollo: ApolloServer<Context>,
  contextOf: (req: express.Request) => Promise<Context>,
  log: Logger,
): express.Router {
  const router = express.Router();
  for (const definition of EXPORTS) {
    router.get(definition.path, async (req, res) => {
      try {
        await send(definition, apollo, await contextOf(req), { params: req.params as Record<string, string>, query: flat(req.query) }, res);
      } catch (err) {
        if (err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED')
          return refuse(res, 401, 'UNAUTHENTICATED', err.message);
        log.error({ err }, 'export failed');
        refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'The export failed');
      }
    });
  }
  return router;
}

async function send(definition: ExportDefinition, apollo: ApolloServer<Context>, ctx: Context, req: ExportRequest, res: express.Response) {
  if (!ctx.viewer) return refuse(res, 401, 'UNAUTHENTICATED', 'A bearer token is required');
  const response = await apollo.executeOperation({ query: definition.query, variables: definition.variables(req) }, { contextValue: ctx });
  if (response.body.kind !== 'single') throw new Error('an export read answered incrementally');
  const { data, errors } = response.body.singleResult;
  if (errors?.length) {
    const code = String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    return refuse(res, STATUS_OF[code] ?? 500, code, errors[0].message);
  }
  const picked = definition.pick(data, req);
  if (picked === null || picked === undefined) return refuse(res, 404, 'NOT_FOUND', 'No such record in your scope');
  const book = newWorkbook();
  definition.fill(book, picked, req);
  const buffer = await book.xlsx.writeBuffer();
  res
    .status(200)
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .set('content-disposition', `attachment; filename="${definition.fileName(picked, req)}"`)
    .set('cache-control', 'no-store')
    .send(Buffer.from(buffer as ArrayBuffer));
}

function refuse(res: express.Response, status: number, code: string, message: string) {
  if (status === 401) res.set('www-authenticate', 'Bearer');
  res
    .status(status)
    .set('cache-control', 'no-store')
    .json({ errors: [{ message, extensions: { code } }] });
}

function flat(query: express.Request['query']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) out[key] = typeof value === 'string' ? value : undefined;
  return out;
}
