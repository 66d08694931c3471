import { allow } from 'graphql-shield';

/** Borrowers are reached only through guarantees (and leads) whose own rules and scope decide access. */
export const borrowerRules = {
  Borrower: allow,
};
