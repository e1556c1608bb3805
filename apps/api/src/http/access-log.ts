import type { AppConfig, Principal } from '@emis/api/platform';
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';
import type { Options } from 'pino-http';

/**
 * Nest's start-up chatter: a line per module and per route (about 130), which buried the URL on a first start, and
 * "Nest application successfully started", which the URL banner says better (and which came after it).
 */
const START_UP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/**
 * The HTTP access log (pino-http) and the application log: one JSON line per event in production, to standard
 * output unless a stream is given. In development (NODE_ENV neither production nor test, no stream) one readable line
 * per event through pino-pretty — "10:02:03 INFO GET /api/students 200 (12ms)" — without Nest's start-up lines.
 */
export function accessLog(
  config: Pick<AppConfig, 'LOG_LEVEL'>,
  stream?: Writable,
  env: string | undefined = process.env['NODE_ENV'],
): Options | [Options, Writable] {
  const readable = !stream && env !== 'production' && env !== 'test';
  const options: Options = {
    ...(readable ? readableOptions() : {}),
    level: config.LOG_LEVEL,
    genReqId: (req) => (req as unknown as { id: string }).id,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    customProps: accessLogCaller,
  };
  return stream ? [options, stream] : options;
}

function readableOptions(): Options {
  return {
    transport: {
      target: 'pino-pretty',
      options: {
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,req,res,responseTime,context,userId,role,orgUnitId',
        messageFormat: '{if context}[{context}] {end}{msg}',
      },
    },
    customSuccessMessage: (req, res, ms) => `${req.method} ${req.url} ${res.statusCode} (${Math.round(ms)}ms)`,
    customErrorMessage: (req, res, error) => `${req.method} ${req.url} ${res.statusCode}: ${error.message}`,
    hooks: {
      logMethod(args, method) {
        const first = args[0] as unknown;
        const context = first && typeof first === 'object' ? (first as { context?: unknown }).context : undefined;
        if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) return;
        method.apply(this, args);
      },
    },
  };
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
