import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { ReadReplicas } from '../platform/db/replicas';
import { bindContext, type Context } from './context';

/**
 * Issue 13: a query operation is read-only (every write is a mutation, one unit of work on the primary), so once
 * its operation is known it is rebound to the connection the replicas choose for its viewer (platform/db/replicas.ts).
 * After a signed-in viewer's mutation — accepted or refused, both wrote (the audit row) — the primary's WAL
 * position is recorded before the answer leaves, so the viewer's next read, on any instance, sees the write.
 */
export function readRouting(replicas: ReadReplicas, log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          const manager = await replicas.route(contextValue.viewer?.sub ?? null);
          // The context's services and loaders are built on first use, so none has touched the primary yet.
          if (manager !== contextValue.manager) Object.assign(contextValue, bindContext(contextValue, manager));
        },
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation !== 'mutation' || !contextValue.viewer) return;
          try {
            await replicas.wrote(contextValue.viewer.sub);
          } catch (err) {
            // The primary is gone (the mutation's own answer says so) or refused: the next read goes to the primary
            // only if a replica is behind, which a lost primary makes moot.
            log.warn({ reason: (err as Error).message }, 'could not record the write position for read-your-writes');
          }
        },
      };
    },
  };
}
