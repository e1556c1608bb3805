import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, Optional } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FieldError, ProblemDetails } from '@emis/contracts';
import type { Request, Response } from 'express';
import { RefusalLog, refusalOf } from '../access/refusals';
import { databaseRefusal, localeFrom, problemTitle, ruleMessage, isKnownProblem } from './messages';
import { ProblemException, ValidationProblem } from './problem';

const STATUS_CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'body_too_large',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** PostgreSQL error classes that are the caller's fault or a busy server, not a bug. */
const PG_ERRORS: Record<string, { status: number; code: string }> = {
  '23505': { status: 409, code: 'conflict' },
  '23503': { status: 409, code: 'conflict' },
  '42501': { status: 404, code: 'not_found' },
  // Text PostgreSQL cannot hold: a NUL character (U+0000) in a string parameter, or in a JSON value.
  '22021': { status: 400, code: 'bad_request' },
  '22P05': { status: 400, code: 'bad_request' },
  '53300': { status: 503, code: 'service_unavailable' },
  '57P01': { status: 503, code: 'service_unavailable' },
  // The server is shutting down, crashed, or not yet accepting connections; the connection broke (class 08).
  '57P02': { status: 503, code: 'service_unavailable' },
  '57P03': { status: 503, code: 'service_unavailable' },
  '08000': { status: 503, code: 'service_unavailable' },
  '08001': { status: 503, code: 'service_unavailable' },
  '08003': { status: 503, code: 'service_unavailable' },
  '08006': { status: 503, code: 'service_unavailable' },
};

/**
 * The database could not be reached, as node-postgres and pg-pool report it: socket errors carry the system error
 * code, a socket closed under a query or an acquire that timed out carry only a message. The transaction of such a
 * request was never committed (or its commit is unknown and a retry with the same idempotency key is safe), so the
 * caller is told to come back (503 + Retry-After) rather than shown a bug (500).
 */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const CONNECTION_LOST = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^Client (has encountered a connection error|was closed) and is not queryable$/,
];

function databaseUnreachable(exception: unknown, depth = 0): boolean {
  // Duck-typed, not `instanceof Error`: socket errors are made by Node's core, whose Error may be another realm's.
  if (typeof exception !== 'object' || exception === null || depth > 3) return false;
  const { code, name, message, driverError, cause } = exception as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (SOCKET_ERRORS.has(code) || /^(08|57P0)/.test(code))) return true;
  // TypeORM's runner is released when its connection emits an error between two queries of a transaction (the
  // error's name differs between TypeORM versions: both are seen, the second from the transaction's next query).
  if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  if (typeof message === 'string' && CONNECTION_LOST.some((pattern) => pattern.test(message))) return true;
  // A wrapped error (TypeORM's driverError, an Error's cause) that is itself a lost connection.
  return databaseUnreachable(driverError, depth + 1) || databaseUnreachable(cause, depth + 1);
}

/**
 * Seconds a client should wait before retrying. Sign-in throttling (429) lasts a minute. A 503 is a saturated pool or
 * a database restarting: seconds, not minutes — and a save retried early with its requestId is applied once anyway,
 * while a minute's wait would keep a teacher's typed grades unsaved for that long.
 */
const RETRY_AFTER_SECONDS: Partial<Record<number, number>> = { 429: 60, 503: 5 };

/** Every error leaves as RFC 9457 problem+json, titled in the caller's language (Accept-Language). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(@Optional() private readonly refusals?: RefusalLog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const refusal = refusalOf(exception);
    if (!refusal || !this.refusals) return this.answer(exception, host);
    // The event is written before the answer leaves, so a caller that saw its refusal finds it recorded (and a burst
    // alerted); a failure to record is logged, never turned into another answer.
    void this.refusals
      .refused(refusal)
      .catch((error: unknown) => this.logger.error({ err: error }, 'security event not recorded'))
      .finally(() => this.answer(exception, host));
  }

  private answer(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const locale = localeFrom(req.headers['accept-language']);
    const problem = this.toProblem(exception, locale);
    problem.instance = req.originalUrl;
    if (req.id) problem.requestId = String(req.id);
    // A 503 is an outage the operator sees on the database side; only a 500 is a bug of ours.
    if (problem.status === 503) this.logger.warn({ err: exception, requestId: req.id }, 'database unavailable');
    else if (problem.status >= 500) this.logger.error({ err: exception, requestId: req.id }, 'request failed');
    // A problem that knows its own wait (the sign-in backoff) says it; otherwise the status's usual one.
    const retryAfter = problem.retryAfter ?? RETRY_AFTER_SECONDS[problem.status];
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, locale: 'vi' | 'en'): ProblemDetails {
    if (exception instanceof ValidationProblem) {
      const errors: FieldError[] = exception.fieldErrors.map((e) => ({
        field: e.field,
        code: e.rule,
        message: ruleMessage(e.rule, e.field, e.args, locale),
      }));
      return this.problem(400, 'validation_failed', locale, {
        errors,
        detail: errors.map((e) => e.message).join('; '),
      });
    }
    if (exception instanceof ProblemException) {
      return this.problem(exception.getStatus(), exception.code, locale, {
        detail: exception.detail,
        ...exception.extra,
      });
    }
    if (exception instanceof ThrottlerException) return this.problem(429, 'too_many_requests', locale);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const named =
        typeof body === 'object' && body && 'code' in body ? String((body as { code: unknown }).code) : undefined;
      const code =
        named && isKnownProblem(named)
          ? named
          : (STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'));
      return this.problem(status, code, locale);
    }
    // The body parser's own errors (http-errors, marked safe to expose): a body over the size limit (413), or one
    // that is not readable JSON in a known charset (400, 415).
    const parser = exception as { expose?: unknown; status?: unknown } | undefined;
    if (parser?.expose === true && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
      return this.problem(parser.status, STATUS_CODES[parser.status] ?? 'bad_request', locale);
    }
    const pgCode = (exception as { code?: unknown })?.code;
    if (typeof pgCode === 'string' && PG_ERRORS[pgCode]) {
      const { status, code } = PG_ERRORS[pgCode];
      return this.problem(status, code, locale);
    }
    const refusal = typeof pgCode === 'string' ? databaseRefusal(pgCode) : undefined;
    if (refusal) return this.problem(refusal.status, refusal.problem, locale);
    if (databaseUnreachable(exception))
      return this.problem(HttpStatus.SERVICE_UNAVAILABLE, 'service_unavailable', locale);
    return this.problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', locale);
  }

  private problem(
    status: number,
    code: string,
    locale: 'vi' | 'en',
    extra: Partial<ProblemDetails> & Record<string, unknown> = {},
  ): ProblemDetails {
    return { type: `https://emis.local/problems/${code}`, title: problemTitle(code, locale), status, code, ...extra };
  }
}
