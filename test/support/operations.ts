import { buildBareSchema } from '../../src/app/schema';

/**
 * The operations among `names` ('Query.guarantee', 'Mutation.reviewLead') the schema lacks. An access test asserts this
 * is empty instead of skipping itself: a renamed or dropped operation is a failure, never a silently skipped check.
 */
export function missingOperations(names: readonly string[]): string[] {
  const schema = buildBareSchema();
  return names.filter((name) => {
    const [type, field] = name.split('.');
    const root = type === 'Query' ? schema.getQueryType() : type === 'Mutation' ? schema.getMutationType() : undefined;
    return !root?.getFields()[field];
  });
}
