import { HttpStatus } from '@nestjs/common';
import type { AccountSummary } from '@emis/contracts';
import { assertInScope, Principal, ProblemException, Scope, scopeIncludes } from '@emis/api/platform';
import { can, grantableRoles, ORG_UNIT_KINDS, OrgUnitKind, Role } from '@emis/domain';

/** What the access rules need to know of an account. */
export type AccountTarget = Pick<AccountSummary, 'id' | 'role' | 'orgUnitId' | 'orgUnitKind'>;

/**
 * Who administers whom (docs/domain/accounts.md, "Who administers whom"): an account outside the caller's scope does
 * not exist for them (404, so a school never learns another's ids); inside it, the caller administers it when they may
 * give its current role on its kind of unit — the department everything, a unit officer the accounts of its schools,
 * a principal those of their school — and never their own account.
 */
export function assertManageable(actor: Principal, scope: Scope, target: AccountTarget): void {
  assertVisible(scope, target);
  if (target.id === actor.userId) throw new ProblemException(HttpStatus.FORBIDDEN, 'own_account');
  if (!grantableRoles(actor.role, target.orgUnitKind).includes(target.role))
    throw new ProblemException(HttpStatus.FORBIDDEN, 'account_not_manageable');
}

/** An account outside the caller's scope answers 404, as if it did not exist (and the attempt is a security event). */
export function assertVisible(scope: Scope, target: Pick<AccountSummary, 'orgUnitId'>): void {
  assertInScope(scope, target.orgUnitId);
}

/**
 * The roles the caller may give this account: none for their own account, for a reader who does not administer
 * accounts, or for an account they may not administer.
 */
export function rolesGrantableOn(actor: Principal, scope: Scope, target: AccountTarget): Role[] {
  if (!can(actor.role, 'accounts.manage') || target.id === actor.userId || !scopeIncludes(scope, target.orgUnitId))
    return [];
  const roles = grantableRoles(actor.role, target.orgUnitKind);
  return roles.includes(target.role) ? roles : [];
}

/** The kinds of unit whose accounts the caller administers (a unit officer: schools only). */
export function manageableKinds(actor: Role): OrgUnitKind[] {
  return ORG_UNIT_KINDS.filter((kind) => grantableRoles(actor, kind).length > 0);
}
