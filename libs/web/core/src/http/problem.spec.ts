// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ProblemDetails } from '@emis/contracts';
import { fieldErrorMap, toProblem } from './problem';

describe('a failed call as a problem', () => {
  it('keeps the API’s problem+json body as it came', () => {
    const body: ProblemDetails = {
      type: 'about:blank',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      code: 'validation_failed',
      errors: [],
    };
    expect(toProblem(new HttpErrorResponse({ status: 400, error: body }))).toBe(body);
  });

  it('turns a dropped network (status 0) into network_error', () => {
    expect(toProblem(new HttpErrorResponse({ status: 0, error: null }))).toEqual({
      type: 'about:blank',
      title: 'network_error',
      status: 0,
      code: 'network_error',
    });
  });

  it('turns a proxy’s HTML error page into an http_error with the status', () => {
    const response = new HttpErrorResponse({
      status: 502,
      statusText: 'Bad Gateway',
      error: '<html>502</html>',
      headers: new HttpHeaders({ 'content-type': 'text/html' }),
    });
    expect(toProblem(response)).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, code: 'http_error' });
  });

  it('turns anything else thrown into a client_error', () => {
    expect(toProblem(new TypeError('x is undefined'))).toEqual({
      type: 'about:blank',
      title: 'error',
      status: 0,
      code: 'client_error',
    });
  });
});

describe('field errors by field', () => {
  it('keeps the first message of a field with several failed rules', () => {
    const problem: ProblemDetails = {
      type: 'about:blank',
      title: 'invalid',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'fullName', code: 'isNotEmpty', message: 'Bắt buộc' },
        { field: 'fullName', code: 'maxLength', message: 'Quá dài' },
        { field: 'guardians.0.phone', code: 'isVnPhone', message: 'Số điện thoại không hợp lệ' },
      ],
    };
    expect(fieldErrorMap(problem)).toEqual({ fullName: 'Bắt buộc', 'guardians.0.phone': 'Số điện thoại không hợp lệ' });
  });

  it('is empty without a problem or without field errors', () => {
    expect(fieldErrorMap(null)).toEqual({});
    expect(fieldErrorMap({ type: 'about:blank', title: 'x', status: 500, code: 'internal' })).toEqual({});
  });
});
