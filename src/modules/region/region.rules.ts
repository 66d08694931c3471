import { allow } from 'graphql-shield';
import { isSignedIn } from '../../auth/rules';

/** Regions are public reference data for every signed-in department. */
export const regionRules = {
  Query: { regions: isSignedIn },
  Region: allow,
};
