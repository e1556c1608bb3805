import type { AppConfig, Principal } from '@emis/api/platform';
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';
import type { Options } from 'pino-http';

/** The HTTP access log (pino-http): one JSON line per answer, to standard output unless a stream is given. */
export function accessLog(config: Pick<AppConfig, 'LOG_LEVEL'>, stream?: Writable): Options | [Options, Writable] {
  const options: Options = {
    level: config.LOG_LEVEL,
    genReqId: (req) => (req as unknown as { id: string }).id,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    customProps: accessLogCaller,
  };
  return stream ? [options, stream] : options;
}

/**
 * What each line adds about the caller: who, in which role, through which unit (the one chosen with X-Org-Unit,
 * which the sign-in check accepted, else their own). "Who read what, when" must be answerable from the logs as well
 * as from the audit rows (docs/domain/personal-data.md); an unsigned request adds nothing. pino-http calls it again
 * when the answer is finished, after the sign-in check has set `req.user`.
 */
export function accessLogCaller(req: IncomingMessage): Record<string, string> {
  const user = (req as IncomingMessage & { user?: Principal }).user;
  if (!user?.userId) return {};
  const requested = req.headers['x-org-unit'];
  return {
    userId: user.userId,
    role: user.role,
    orgUnitId: typeof requested === 'string' && requested ? requested : user.orgUnitId,
  };
}
