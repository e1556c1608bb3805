import { createSecretKey } from 'node:crypto';
import { ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppConfig, createValidationPipe, CTX, IS_PUBLIC, Principal, ProblemException } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AccessClaims } from './sessions/access-token';
import { SessionsService } from './sessions/sessions.service';
import { UserRecord } from './users.repository';

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, username: string, password: string): Promise<UserRecord> {
    return this.auth.validateCredentials(username, password, clientAddress(req));
  }
}

/** The client's address as Express sees it (behind the reverse proxy, from X-Forwarded-For): what sign-in counts by. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * The application's own validation pipe: guards run before pipes. (A bare plainToInstance here met a body with a
 * nested "constructor" key — which the pipe strips — and answered 500.)
 */
const LOGIN_BODY = createValidationPipe();

/** Checks the body first, so a malformed sign-in gets 400 with field errors rather than passport's bare 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await LOGIN_BODY.transform(req.body ?? {}, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }
}

/** Counts sign-in attempts per client address and user name, so one office behind NAT does not lock itself out. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req['body'] ?? {}) as { username?: unknown };
    // Sign-in names the user in the body; a signed-in request (password change) through its principal.
    const named =
      typeof body.username === 'string' ? body.username : ((req['user'] as Principal | undefined)?.username ?? '');
    const username = named.toLowerCase().slice(0, 100);
    return `${String(req['ip'])}|${username}`;
  }
}

/**
 * Validates the access token — signed, unexpired, and its session still open (ended sessions are refused from the next
 * request, not when the token expires) — and builds the request's scope: the user's subtree, narrowed to the unit
 * chosen in the org-unit switcher (header X-Org-Unit) when that unit lies inside it.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly tree: OrgTreeService,
    private readonly cls: ClsService,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given the string, jsonwebtoken tries to read it as a PEM public key (and fails, a thrown
      // error) before making the same secret key, on every request — the largest CPU cost of a grade save's request
      // outside the database (CPU profile, docs/benchmarks.md).
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  async validate(req: Request, claims: AccessClaims): Promise<Principal> {
    if (claims.typ !== 'access') throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    await this.sessions.assertOpen(claims);
    const principal: Principal = {
      userId: claims.sub,
      username: claims.usr,
      fullName: claims.name,
      role: claims.role,
      orgUnitId: claims.unit,
      sessionId: claims.sid,
    };
    let scope = await this.tree.scopeFor(claims.unit);
    const requested = req.headers['x-org-unit'];
    if (typeof requested === 'string' && requested && requested !== scope.rootId) {
      const narrowed = await this.tree.narrow(scope, requested);
      if (!narrowed) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
      scope = narrowed;
    }
    // A closed school is read-only: a write is refused inside one, and carries the closed units to row-level security.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) scope = await this.tree.forWriting(scope, req.path);
    this.cls.set(CTX.principal, principal);
    this.cls.set(CTX.scope, scope);
    return principal;
  }
}

/** Global: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return user;
  }
}
