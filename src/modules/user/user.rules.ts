import { allow } from 'graphql-shield';
import { hasRole, isSignedIn } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * Anyone may try to log in; every signed-in caller may ask who it is and change its own password (a hub user's:
 * the service answers NOT_FOUND to a token from another system); only the operator manages users (../shared/DESIGN.md §3).
 */
export const userRules = {
  Query: { me: isSignedIn, users: hasRole(Role.ADMIN) },
  Mutation: {
    login: allow,
    createUser: hasRole(Role.ADMIN),
    setUserActive: hasRole(Role.ADMIN),
    resetPassword: hasRole(Role.ADMIN),
    changePassword: isSignedIn,
  },
  Viewer: allow,
  AuthPayload: allow,
  // Reached only from the operator's own reads and writes (users, createUser, setUserActive, resetPassword).
  User: allow,
};
