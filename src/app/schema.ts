import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchemaSync } from 'type-graphql';
import { permissions } from './permissions';
import { unitOfWork } from './unit-of-work';
import { inputRules } from './input-rules';
import { RESOLVERS } from './resolvers';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../platform/scalars';

let built: GraphQLSchema | undefined;

/** The schema as type-graphql builds it from the code, before permissions. Built once per process. */
export function buildBareSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: RESOLVERS,
    scalarsMap: [],
    orphanedTypes: [],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}

/**
 * The schema the server serves: every field behind the merged shield, and every mutation one audited unit of
 * work. The unit of work wraps the shield (the first middleware is the outermost), so it records denials too;
 * the input rules (text and ids of every argument) run behind the shield, just before the resolver.
 */
export function buildSchema(onUnexpected: (err: unknown) => void): GraphQLSchema {
  return applyMiddleware(buildBareSchema(), unitOfWork, permissions(onUnexpected), inputRules());
}

/** The SDL committed as schema/schema.graphql: sorted, so a diff shows only real changes. */
export function printHubSchema(): string {
  return printSchema(lexicographicSortSchema(buildBareSchema())) + '\n';
}

export { DateScalar, DateTimeScalar, DecimalScalar };
