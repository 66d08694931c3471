import { allow } from 'graphql-shield';
import { isSignedIn } from '../../access/rules';

/** Regions are public reference data for every signed-in department. */
export const regionRules = {
  Query: { regions: isSignedIn },
  Region: allow,
};
