import { allow } from 'graphql-shield';
import { hasRole, isSignedIn } from '../../access/rules';
import { Role } from '../../access/roles';

/** Anyone may try to log in; every signed-in caller may ask who it is; only the operator manages users (../shared/DESIGN.md §3). */
export const userRules = {
  Query: { me: isSignedIn },
  Mutation: { login: allow, createUser: hasRole(Role.ADMIN) },
  Viewer: allow,
  AuthPayload: allow,
  // Reached only from createUser's result: the operator's own reads.
  User: allow,
};
