import { HttpErrorResponse } from '@angular/common/http';
import { FieldError, ProblemDetails } from '@emis/contracts';

/**
 * Every failed call becomes a ProblemDetails, so pages render one shape whether the API answered
 * with problem+json, a proxy answered with HTML, or the network was down (status 0).
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isProblem(body)) return body;
    return {
      type: 'about:blank',
      title: error.status === 0 ? 'network_error' : error.statusText || 'error',
      status: error.status,
      code: error.status === 0 ? 'network_error' : 'http_error',
    };
  }
  return { type: 'about:blank', title: 'error', status: 0, code: 'client_error' };
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}

/** Field errors keyed by field path; a field with several failed rules keeps the first message. */
export function fieldErrorMap(problem: ProblemDetails | null): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of problem?.errors ?? ([] as FieldError[])) {
    map[e.field] ??= e.message;
  }
  return map;
}
