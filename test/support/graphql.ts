import type { ApolloServer } from '@apollo/server';
import type { EntityManager } from 'typeorm';
import pino from 'pino';
import type { TokenSettings } from '../../src/access/token';
import type { Viewer } from '../../src/access/viewer';
import { buildContext, type Context } from '../../src/app/context';
import { createApollo } from '../../src/app/server';

const log = pino({ level: 'silent' });

/** What `login` signs with in in-process tests. */
export const TEST_TOKENS: TokenSettings = { secret: 'in-process-test-secret-0123456789abcdef', expiresIn: '1h' };
let apollo: Promise<ApolloServer<Context>> | undefined;

function server(): Promise<ApolloServer<Context>> {
  apollo ??= (async () => {
    const s = createApollo(log);
    await s.start();
    return s;
  })();
  return apollo;
}

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, any> }>;
}

/**
 * Executes an operation in-process through Apollo (shield, formatError and all) as `viewer`, on the
 * given entity manager — usually a transaction the test rolls back.
 */
export async function gql<T = Record<string, any>>(
  manager: EntityManager,
  viewer: Viewer | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResult<T>> {
  const s = await server();
  const response = await s.executeOperation({ query, variables }, { contextValue: buildContext(manager, viewer, log, TEST_TOKENS) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return response.body.singleResult as GqlResult<T>;
}

/** The codes of a result's errors, in order. */
export function codes(result: GqlResult): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code));
}

/** The data of a result that must have succeeded; fails the test with the errors otherwise. */
export function ok<T>(result: GqlResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}
