import { Scope, type ScopeCondition } from './scope';

const ALL: ScopeCondition = { sql: 'TRUE', params: {} };

/**
 * The one way to read rows without a viewer's scope: a repository read takes a `Scope` (a read without one
 * does not type-check), and a deliberately unscoped read — reference data, the aggregate writer, a grant's
 * own checks after the caller was found to act for the institution, seeding, migrations — passes
 * `SystemScope.because('…')`, so a reviewer finds every bypass by grepping for `SystemScope.because`.
 *
 * It reads every row and acts for nobody: it shows no borrower identity in full and writes for no institution.
 */
export class SystemScope extends Scope {
  private constructor(readonly reason: string) {
    super(null);
  }

  static because(reason: string): SystemScope {
    if (!reason.trim()) throw new Error('SystemScope.because needs a reason a reviewer can read');
    return new SystemScope(reason);
  }

  override institutions(): ScopeCondition {
    return ALL;
  }
  override business(): ScopeCondition {
    return ALL;
  }
  override guarantees(): ScopeCondition {
    return ALL;
  }
  override borrowers(): ScopeCondition {
    return ALL;
  }
  override compensations(): ScopeCondition {
    return ALL;
  }
  override agreements(): ScopeCondition {
    return ALL;
  }
  override claims(): ScopeCondition {
    return ALL;
  }
  override capitalInjections(): ScopeCondition {
    return ALL;
  }
  override evaluations(): ScopeCondition {
    return ALL;
  }
  override reports(): ScopeCondition {
    return ALL;
  }
  override reportNotifications(): ScopeCondition {
    return ALL;
  }
  override aggregates(): ScopeCondition {
    return ALL;
  }
  override inspections(): ScopeCondition {
    return ALL;
  }
  override banks(): ScopeCondition {
    return ALL;
  }
  override leads(): ScopeCondition {
    return ALL;
  }
}
