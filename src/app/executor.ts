import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isEnumType,
  isScalarType,
  isSpecifiedScalarType,
  printSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
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
      const made = compileQuery(schema, document, request.operationName ?? undefined, {
        disableLeafSerialization: !needsLeafSerialization(schema, document),
      });
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

/** Built-in scalars whose values the hub's objects already hold in their output form (a string, a boolean). */
const AS_HELD: ReadonlySet<string> = new Set(['String', 'ID', 'Boolean']);

/**
 * Whether a document's leaves must go through their types' serializers. graphql-jit calls a serializer for each leaf
 * value with the error's locations and path built as arrays before the call, error or not: ~130 bytes of garbage per
 * leaf, ~140 KB for a list page of 100 guarantees (a tenth of its CPU). graphql-jit can instead read built-in scalars
 * and enums as they are, which answers the same JSON wherever the value already is what the serializer would return:
 * a string for String and ID, a boolean for Boolean (the hub's objects hold them so, from their typed columns), and an
 * enum's name where each value of the enum is its own name. Int and Float are coerced by their serializers (a count
 * PostgreSQL answers as text), and an enum whose values differ from its names is mapped: a document selecting either
 * keeps every serializer. The hub's own scalars (Decimal, Date, DateTime) are serialized in either case.
 */
export function needsLeafSerialization(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let needed = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type: GraphQLNamedType | undefined = getNamedType(typeInfo.getType() ?? undefined);
        if (!type) needed = true;
        else if (isScalarType(type) && isSpecifiedScalarType(type) && !AS_HELD.has(type.name)) needed = true;
        else if (isEnumType(type) && type.getValues().some((v) => v.value !== v.name)) needed = true;
      },
    }),
  );
  return needed;
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
