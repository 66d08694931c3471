import {
  GraphQLID,
  GraphQLString,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  getNamedType,
} from 'graphql';
import type { IMiddlewareFunction, IMiddlewareTypeMap } from 'graphql-middleware';
import { middleware } from 'graphql-middleware';
import { BadInputError } from '../platform/errors';
import { isUuid } from '../platform/lib/ids';
import { textProblem } from '../platform/validation/text';

/**
 * One rule for every text a client sends, whatever the field (../shared/DESIGN.md §6): each String and ID value in the
 * arguments — top-level or anywhere inside an input object or list — passes `textProblem` (no NUL, lone
 * surrogate, control or bidirectional-override character; tab and line breaks allowed) or the field is
 * BAD_USER_INPUT naming it, before the resolver runs. It sits inside the unit of work, so nothing is written and
 * the refusal is audited; and behind the shield, so a caller who may not call the field learns nothing from it.
 *
 * ID values that are UUIDs are normalised to lower case, the form the database returns and the viewer's scope
 * holds, so an upper-case id of the caller's own institution names it (not NOT_FOUND).
 *
 * Only fields with a String or ID somewhere in their arguments are wrapped: the rest cost nothing.
 */
export function inputRules() {
  return middleware((schema: GraphQLSchema) => {
    const map: IMiddlewareTypeMap = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const fields: Record<string, IMiddlewareFunction> = {};
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((arg) => carriesText(arg.type, new Set()))) fields[field.name] = checkArguments(field.args);
      }
      if (Object.keys(fields).length) map[type.name] = fields;
    }
    return map;
  });
}

function checkArguments(defs: readonly GraphQLArgument[]): IMiddlewareFunction {
  return (resolve, root, args: Record<string, unknown>, ctx, info) => {
    const checked: Record<string, unknown> = { ...args };
    for (const def of defs) {
      if (!(def.name in args)) continue;
      // Inside an input object, fields are named by their path in it ('borrower.name'), as the services name them.
      const path = isInputObjectType(getNamedType(def.type)) ? [] : [def.name];
      checked[def.name] = normalise(args[def.name], def.type, path);
    }
    return resolve(root, checked, ctx, info);
  };
}

function normalise(value: unknown, type: GraphQLInputType, path: readonly string[]): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return normalise(value, type.ofType, path);
  if (isListType(type)) return (value as unknown[]).map((item) => normalise(item, type.ofType, path));
  if (isInputObjectType(type)) {
    const object = value as Record<string, unknown>;
    const out: Record<string, unknown> = { ...object };
    for (const field of Object.values(type.getFields())) {
      if (field.name in object) out[field.name] = normalise(object[field.name], field.type, [...path, field.name]);
    }
    return out;
  }
  if ((type === GraphQLString || type === GraphQLID) && typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) {
      const field = path.join('.');
      throw new BadInputError(field, `${field} ${problem}`);
    }
    return type === GraphQLID && isUuid(value) ? value.toLowerCase() : value;
  }
  return value;
}

function carriesText(type: GraphQLInputType, seen: Set<string>): boolean {
  if (isNonNullType(type) || isListType(type)) return carriesText(type.ofType, seen);
  if (type === GraphQLString || type === GraphQLID) return true;
  if (!isInputObjectType(type) || seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((field) => carriesText(field.type, seen));
}
