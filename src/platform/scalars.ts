import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { Dec, isDecimalText } from './lib/decimal';
import { isCalendarDate } from './lib/dates';

/**
 * Decimal: exact, sent as a string. Input becomes a decimal.js value; output is the database's
 * own text (which keeps the column's scale, "10000000.00") or a decimal.js value written in full.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    'Exact decimal, sent as a string: money in yuan with 2 places ("10000000.00"); rates and shares as fractions with up to 6 places ("0.008500" is 0.85%).',
  serialize(value) {
    if (typeof value === 'string' && isDecimalText(value)) return value;
    if (Dec.isDecimal(value)) return (value as InstanceType<typeof Dec>).toFixed();
    throw new TypeError('Decimal cannot represent a non-decimal value');
  },
  parseValue(value) {
    return parseDecimal(value);
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Decimal must be sent as a string, e.g. "10000000.00"');
    return parseDecimal(ast.value);
  },
});

function parseDecimal(value: unknown) {
  if (typeof value !== 'string') throw new TypeError('Decimal must be sent as a string, e.g. "10000000.00"');
  const text = value.trim();
  if (!isDecimalText(text)) throw new TypeError(`"${value}" is not a decimal number`);
  return new Dec(text);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new TypeError('Date cannot represent this value');
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw new TypeError(`Date must be a real calendar date YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO 8601 timestamp with offset.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be an ISO 8601 string');
    return parseDateTime(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !/[zZ]|[+-]\d{2}:\d{2}$/.test(value)) throw new TypeError('DateTime must be ISO 8601 with an offset');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError('DateTime is not a valid timestamp');
  return date;
}
