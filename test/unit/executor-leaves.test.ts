import 'reflect-metadata';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema as buildSdl, getOperationAST, isEnumType, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitGateway, needsLeafSerialization } from '../../src/app/executor';
import { buildBareSchema } from '../../src/app/schema';

/** A schema whose leaves a serializer changes: an enum whose values are not its names, an Int held as text. */
function tinySchema(): GraphQLSchema {
  const schema = buildSdl(`
    enum Mapped { ON OFF }
    enum Plain { A B }
    type Query { text: String!, id: ID!, flag: Boolean!, count: Int!, ratio: Float, mapped: Mapped!, plain: Plain! }
  `);
  const mapped = schema.getType('Mapped');
  if (!isEnumType(mapped)) throw new Error('no enum');
  // As a TypeScript enum registered with values other than its names would be.
  mapped.getValue('ON')!.value = 1;
  mapped.getValue('OFF')!.value = 0;
  return schema;
}

const ROOT = { text: 'x', id: 'g-1', flag: true, count: '5', ratio: 0.5, mapped: 1, plain: 'A' };

async function run(schema: GraphQLSchema, query: string): Promise<unknown> {
  const gateway = jitGateway(schema);
  const { executor } = await gateway.load({ apollo: {} as never });
  const document = parse(query);
  const request = {
    document,
    operation: getOperationAST(document)!,
    operationName: null,
    context: {},
    request: { query, variables: {} },
  } as unknown as GatewayGraphQLRequestContext;
  // The tiny schema has no resolvers: each field answers ROOT's value.
  const fields = schema.getQueryType()!.getFields();
  for (const name of Object.keys(fields)) fields[name].resolve = () => ROOT[name as keyof typeof ROOT];
  return (await executor!(request)).data;
}

describe('leaf serialization in the compiled executor (app/executor.ts)', () => {
  it('is left out where every leaf is a String, ID, Boolean or an enum of its own names, as on the list page', () => {
    const schema = tinySchema();
    expect(needsLeafSerialization(schema, parse('{ text id flag plain }'))).toBe(false);
    expect(needsLeafSerialization(schema, parse('{ ...F } fragment F on Query { text __typename }'))).toBe(false);
    const hub = buildBareSchema();
    const page = `{ guarantees(first: 100) { edges { cursor node { id code guaranteedAmount feeRate startOn status smallAgri
      institution { name } bank { name } borrower { name identifier } } } pageInfo { hasNextPage endCursor } } }`;
    expect(needsLeafSerialization(hub, parse(page))).toBe(false);
  });

  it('is kept for an Int, a Float, or an enum whose values are not its names — in a fragment too', () => {
    const schema = tinySchema();
    expect(needsLeafSerialization(schema, parse('{ text count }'))).toBe(true);
    expect(needsLeafSerialization(schema, parse('{ ratio }'))).toBe(true);
    expect(needsLeafSerialization(schema, parse('{ ...F } fragment F on Query { mapped }'))).toBe(true);
    expect(needsLeafSerialization(buildBareSchema(), parse('{ guarantees(first: 1) { totalCount } }'))).toBe(true);
  });

  it('answers what the serializers would: a mapped enum by name, an Int held as text as a number', async () => {
    const schema = tinySchema();
    expect(await run(schema, '{ text id flag plain }')).toEqual({ text: 'x', id: 'g-1', flag: true, plain: 'A' });
    expect(await run(tinySchema(), '{ mapped count text }')).toEqual({ mapped: 'ON', count: 5, text: 'x' });
  });
});
