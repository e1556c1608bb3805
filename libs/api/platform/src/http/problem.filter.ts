import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FieldError, ProblemDetails } from '@emis/contracts';
import type { Request, Response } from 'express';
import { localeFrom, problemTitle, ruleMessage, isKnownProblem } from './messages';
import { ProblemException, ValidationProblem } from './problem';

const STATUS_CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** PostgreSQL error classes that are the caller's fault or a busy server, not a bug. */
const PG_ERRORS: Record<string, { status: number; code: string }> = {
  '23505': { status: 409, code: 'conflict' },
  '23503': { status: 409, code: 'conflict' },
  '42501': { status: 404, code: 'not_found' },
  '53300': { status: 503, code: 'service_unavailable' },
  '57P01': { status: 503, code: 'service_unavailable' },
};

/** Every error leaves as RFC 9457 problem+json, titled in the caller's language (Accept-Language). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const locale = localeFrom(req.headers['accept-language']);
    const problem = this.toProblem(exception, locale);
    problem.instance = req.originalUrl;
    if (req.id) problem.requestId = String(req.id);
    if (problem.status >= 500) this.logger.error({ err: exception, requestId: req.id }, 'request failed');
    if (problem.status === 429 || problem.status === 503) res.setHeader('Retry-After', '60');
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, locale: 'vi' | 'en'): ProblemDetails {
    if (exception instanceof ValidationProblem) {
      const errors: FieldError[] = exception.fieldErrors.map((e) => ({
        field: e.field,
        code: e.rule,
        message: ruleMessage(e.rule, e.field, e.args, locale),
      }));
      return this.problem(400, 'validation_failed', locale, { errors, detail: errors.map((e) => e.message).join('; ') });
    }
    if (exception instanceof ProblemException) {
      return this.problem(exception.getStatus(), exception.code, locale, { detail: exception.detail, ...exception.extra });
    }
    if (exception instanceof ThrottlerException) return this.problem(429, 'too_many_requests', locale);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const named = typeof body === 'object' && body && 'code' in body ? String((body as { code: unknown }).code) : undefined;
      const code = named && isKnownProblem(named) ? named : (STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'));
      return this.problem(status, code, locale);
    }
    const pgCode = (exception as { code?: unknown })?.code;
    if (typeof pgCode === 'string' && PG_ERRORS[pgCode]) {
      const { status, code } = PG_ERRORS[pgCode];
      return this.problem(status, code, locale);
    }
    return this.problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', locale);
  }

  private problem(status: number, code: string, locale: 'vi' | 'en', extra: Partial<ProblemDetails> & Record<string, unknown> = {}): ProblemDetails {
    return { type: `https://emis.local/problems/${code}`, title: problemTitle(code, locale), status, code, ...extra };
  }
}
