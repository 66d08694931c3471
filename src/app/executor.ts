import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * The hub's executor: graphql-jit compiles each operation once into plain JavaScript that resolves its
 * fields, instead of graphql-js walking the document for each of a page's ~1,700 fields. Apollo Server 4+
 * takes a custom executor only through its `gateway` interface, which is all this is: the same schema (its
 * resolvers wrapped by the unit of work, the shield and the input rules, app/schema.ts), the same
 * validation, limits and plugins before execution, the same formatError after it.
 *
 * Field errors are rebuilt as graphql-js builds them (locatedError): graphql-jit's own lack `extensions` when the
 * thrown error has none, which Apollo's error formatting does not expect.
 *
 * Variables are coerced by graphql-js first: an invalid variable is refused with graphql-js's own error, so
 * Apollo answers it as before (BAD_USER_INPUT, HTTP 400); only then does the compiled query run.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  const executor: GatewayExecutor = async (request) => {
    const { document, operation, context } = request;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const key = request.operationName ?? '';
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(key);
    if (!query) {
      const made = compileQuery(schema, document, request.operationName ?? undefined);
      // Apollo has validated the document, so compiling fails only on a bug: answered as graphql-js would.
      if (!isCompiledQuery(made)) return made as ExecutionResult;
      query = made;
      byName.set(key, query);
    }
    const result = await query.query(undefined, context, request.request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}

/** A field error as graphql-js's locatedError makes it: message, path, locations, the thrown error and its extensions. */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  (made as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return made;
}
