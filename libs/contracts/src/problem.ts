/** RFC 9457 problem details, as every error of the API is sent (Content-Type: application/problem+json). */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. "phone" or "guardians.0.name". */
  field: string;
  /** Localized message (Vietnamese or English by Accept-Language). */
  message: string;
  /** Stable code of the rule that failed, e.g. "isNotEmpty", "maxLength". */
  code: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine code, e.g. "validation_failed", "account_locked". */
  code: string;
  requestId?: string;
  errors?: FieldError[];
  /** Seconds to wait before trying again (429 sign_in_backoff / sign_in_throttled; also the Retry-After header). */
  retryAfter?: number;
}
