import type { z } from 'zod';
import { BadInputError } from '../errors';

/** A refused value: the input field's path as the API names it ('loanAmount', 'borrower.identifier') and why. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Every issue of a zod error, the field in front of its message ("loanAmount must be greater than 0"). */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return { field, message: field ? `${field} ${issue.message}` : issue.message };
  });
}

/** The parsed input, or BAD_USER_INPUT on the first refused field (for single writes, which stop at the first problem). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [first] = issuesOf(parsed.error);
  throw new BadInputError(first.field, first.message);
}

/** One value parsed as the input field `field` (a dotted path such as 'riskCompensationBands.0.ratio'), or BAD_USER_INPUT on it. */
export function parseField<S extends z.ZodType>(field: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BadInputError(field, `${field} ${parsed.error.issues[0].message}`);
}
