import { ArgumentsHost, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { registerMessages } from './messages';
import { ProblemFilter } from './problem.filter';

/** What the filter answers for `exception`: status and body, as a request with `language` would get them. */
function answer(exception: unknown, language = 'en'): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const res = {
    setHeader: () => res,
    status: (s: number) => ((sent.status = s), res),
    type: () => res,
    json: (b: Record<string, unknown>) => ((sent.body = b), res),
  };
  const req = { headers: { 'accept-language': language }, originalUrl: '/api/probe' };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return sent;
}

/** An error as TypeORM throws it when a statement fails with `sqlState` (the driver's fields copied onto it). */
function failed(sqlState: string): QueryFailedError {
  return new QueryFailedError('insert into probe', [], Object.assign(new Error('refused'), { code: sqlState }));
}

describe('the problem filter and the database refusals contexts register', () => {
  // The unregistered refusal is answered as a bug (500), which the filter logs: not wanted in the test's output.
  beforeAll(() => Logger.overrideLogger(false));

  it("answers a context's trigger refusal with its registered status and problem, in the caller's language", () => {
    expect(answer(failed('EZ901')).status).toBe(500);
    registerMessages({
      problems: { probe_closed: { vi: 'Đã khoá', en: 'Closed' } },
      databaseRefusals: { EZ901: { status: 409, problem: 'probe_closed' } },
    });
    expect(answer(failed('EZ901'))).toEqual({
      status: 409,
      body: expect.objectContaining({ status: 409, code: 'probe_closed', title: 'Closed' }),
    });
    expect(answer(failed('EZ901'), 'vi').body['title']).toBe('Đã khoá');
  });

  it('refuses a second registration of a SQLSTATE with another answer', () => {
    registerMessages({ databaseRefusals: { EZ902: { status: 409, problem: 'conflict' } } });
    expect(() => registerMessages({ databaseRefusals: { EZ902: { status: 409, problem: 'conflict' } } })).not.toThrow();
    expect(() => registerMessages({ databaseRefusals: { EZ902: { status: 400, problem: 'bad_request' } } })).toThrow(
      /EZ902/,
    );
  });
});
