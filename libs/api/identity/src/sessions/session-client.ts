import type { Request } from 'express';
import { CLS_REQ, ClsService } from 'nestjs-cls';

/** Where a session was opened from, as its owner will recognise it in the sessions list. */
export interface SessionClient {
  userAgent: string | null;
  address: string | null;
}

const MAX_USER_AGENT = 500;

/**
 * The client of the current request, read from the request context (nestjs-cls keeps the request), so the sign-in
 * steps that open a session need not carry it through every signature. The address is Express's req.ip, which
 * honours the app's "trust proxy" setting (the reverse proxy's X-Forwarded-For).
 */
export function currentClient(cls: ClsService): SessionClient {
  const req = cls.isActive() ? cls.get<Request | undefined>(CLS_REQ) : undefined;
  const agent = req?.headers['user-agent'];
  return {
    userAgent: typeof agent === 'string' && agent ? agent.slice(0, MAX_USER_AGENT) : null,
    address: req?.ip ?? null,
  };
}
