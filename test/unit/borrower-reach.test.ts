import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildBareSchema } from '../../src/app/schema';

/**
 * Borrower.identifier has no masking resolver: a Borrower object's identifier is decided for the viewer before GraphQL
 * meets it (seenIdentifier, in page/guarantee.joined.ts). That holds while every path to a Borrower is one
 * that decides it — today Guarantee.borrower alone. A new field of type Borrower must decide the identifier too,
 * then be added here.
 */
describe('the paths to a Borrower', () => {
  it('are Guarantee.borrower alone', () => {
    const schema = buildBareSchema();
    const reaching = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) =>
        Object.values(type.getFields())
          .filter((field) => getNamedType(field.type).name === 'Borrower')
          .map((field) => `${type.name}.${field.name}`),
      );
    expect(reaching).toEqual(['Guarantee.borrower']);
  });

  it('Borrower.identifier reads the decided property, with no resolver to forget', () => {
    const identifier = buildBareSchema().getType('Borrower');
    expect(isObjectType(identifier) && identifier.getFields().identifier.resolve).toBeUndefined();
  });
});
