import { HttpStatus, NotFoundException } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../http/problem';
import { assertInScope } from '../context/scope-check';
import { PermissionRefusedException, refusalOf } from './refusals';

const scope = { rootId: 'school-a', all: false, orgUnitIds: ['school-a'] };

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

describe('which refusals are security events', () => {
  it("makes a scope check's 404 a CROSS_SCOPE_REFUSED naming the school, answered like any missing object", () => {
    const error = thrownBy(() => assertInScope(scope, 'school-b'));
    expect(error).toBeInstanceOf(NotFoundException);
    expect((error as NotFoundException).getStatus()).toBe(404);
    expect(refusalOf(error)).toEqual({ kind: 'CROSS_SCOPE_REFUSED', schoolId: 'school-b', detail: {} });
  });

  it('lets a plain 404 pass unrecorded: an id that does not exist is not an attempt', () => {
    expect(refusalOf(new NotFoundException())).toBeUndefined();
    expect(refusalOf(new ProblemException(HttpStatus.NOT_FOUND, 'not_found'))).toBeUndefined();
  });

  it("makes the guard's 403 and a service's 403 a PERMISSION_REFUSED naming the permission or the rule", () => {
    expect(refusalOf(new PermissionRefusedException('audit.read'))).toEqual({
      kind: 'PERMISSION_REFUSED',
      schoolId: null,
      detail: { permission: 'audit.read' },
    });
    expect(refusalOf(new ProblemException(HttpStatus.FORBIDDEN, 'role_not_grantable'))).toEqual({
      kind: 'PERMISSION_REFUSED',
      schoolId: null,
      detail: { code: 'role_not_grantable' },
    });
  });

  it('leaves other problems alone (a conflict, a validation failure)', () => {
    expect(refusalOf(new ProblemException(HttpStatus.CONFLICT, 'conflict'))).toBeUndefined();
    expect(refusalOf(new ValidationProblem([{ field: 'name', rule: 'isNotEmpty', args: [] }]))).toBeUndefined();
  });
});
