import { HttpStatus, NotFoundException } from '@nestjs/common';
import type { Permission } from '@emis/domain';
import { ProblemException } from '../http/problem';

/**
 * An object of a school or unit outside the caller's scope. Answered exactly like a missing object (404 not_found),
 * so a school does not learn which ids another school uses; its type lets the problem filter record the attempt.
 */
export class OutOfScopeException extends NotFoundException {
  constructor(readonly orgUnitId: string) {
    super();
  }
}

/** A route the caller's role may not call (403 forbidden), naming the permission it needs. */
export class PermissionRefusedException extends ProblemException {
  constructor(readonly permission: Permission) {
    super(HttpStatus.FORBIDDEN, 'forbidden');
  }
}

/** A refused attempt worth a security event (docs/security/coverage.md). */
export interface Refusal {
  kind: 'CROSS_SCOPE_REFUSED' | 'PERMISSION_REFUSED';
  /** The school or unit the attempt concerned, when there is one. */
  schoolId: string | null;
  detail: Record<string, unknown>;
}

/**
 * Where the problem filter hands refusals: the audit context's security events. A port, because the audit context
 * builds on this library and cannot be imported by it.
 */
export abstract class RefusalLog {
  abstract refused(refusal: Refusal): Promise<void>;
}

/**
 * The refusal an exception stands for, if any. A 404 counts only when a scope check threw it: a plain 404 is an id
 * that does not exist — or one that row-level security hid, which the application role cannot tell apart and must
 * not try to. Every 403 counts: the guard's (a route of another role) and a service's (another teacher's class, a
 * role the caller may not grant), which name their rule by the problem's code.
 */
export function refusalOf(exception: unknown): Refusal | undefined {
  if (exception instanceof OutOfScopeException)
    return { kind: 'CROSS_SCOPE_REFUSED', schoolId: exception.orgUnitId, detail: {} };
  if (exception instanceof PermissionRefusedException)
    return { kind: 'PERMISSION_REFUSED', schoolId: null, detail: { permission: exception.permission } };
  if (exception instanceof ProblemException && exception.getStatus() === HttpStatus.FORBIDDEN)
    return { kind: 'PERMISSION_REFUSED', schoolId: null, detail: { code: exception.code } };
  return undefined;
}
