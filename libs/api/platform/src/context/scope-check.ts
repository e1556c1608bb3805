import { OutOfScopeException } from '../access/refusals';
import { Scope } from './request-context';

export function scopeIncludes(scope: Scope, orgUnitId: string): boolean {
  return scope.all || scope.orgUnitIds.includes(orgUnitId);
}

/**
 * A resource outside the caller's scope answers 404, as if it did not exist: a school must not learn
 * which ids another school uses. The exception's type makes the attempt a security event (CROSS_SCOPE_REFUSED).
 */
export function assertInScope(scope: Scope, orgUnitId: string): void {
  if (!scopeIncludes(scope, orgUnitId)) throw new OutOfScopeException(orgUnitId);
}
