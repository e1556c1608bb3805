import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import type {
  AuthUser,
  EnrollmentConfirmed,
  LoginResponse,
  MfaEnrollmentStart,
  SessionResponse,
} from '@emis/contracts';
import { AppConfig, CurrentPrincipal, Principal, ProblemException, Public } from '@emis/api/platform';
import type { Request, Response } from 'express';
import { MfaCodeDto, MfaStartDto, PasswordChangeDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AccessClaims } from './sessions/access-token';
import { IssuedSession, SessionsService } from './sessions/sessions.service';
import { clientAddress, LocalAuthGuard, LoginThrottlerGuard } from './strategies';
import { UserRecord } from './users.repository';

export const REFRESH_COOKIE = 'emis_rt';
const COOKIE_PATH = '/api/auth';
/**
 * A hint the web app can read (not httpOnly, no secret in it: "1"): a refresh cookie was set and has not been
 * cleared. Without it the app does not ask /api/auth/refresh at start-up, so a visit to the sign-in page makes no
 * request that fails with 401 (docs/domain/sign-in.md, "Restoring a session"). It lives and dies with the refresh
 * cookie.
 */
export const SESSION_HINT_COOKIE = 'emis_session';

/** Clears the refresh cookie and its hint. */
export function clearSession(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  res.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

/** Puts the session's refresh token in its httpOnly cookie (scoped to /api/auth) and answers the session's body. */
export function sendSession(res: Response, session: IssuedSession, config: AppConfig): SessionResponse {
  res.cookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'strict',
    path: COOKIE_PATH,
    // Never past the session's absolute end: the browser drops the cookie when the session can no longer renew.
    maxAge: Math.max(0, session.refreshExpiresAt.getTime() - Date.now()),
  });
  res.cookie(SESSION_HINT_COOKIE, '1', {
    httpOnly: false,
    secure: config.COOKIE_SECURE,
    sameSite: 'strict',
    path: '/',
    maxAge: Math.max(0, session.refreshExpiresAt.getTime() - Date.now()),
  });
  return session.body;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  async login(
    @Req() req: Request & { user: UserRecord },
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.completeLogin(req.user);
    return 'refreshToken' in result ? this.send(res, result) : result;
  }

  @Public()
  @Post('mfa/verify')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  async verifyMfa(
    @Body() body: MfaCodeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    if (!body.mfaToken) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    return this.send(res, await this.auth.verifyMfa(body.mfaToken, body, clientAddress(req)));
  }

  /** Public because the sign-in step has no session yet; a signed-in user is recognised by the bearer token. */
  @Public()
  @Post('mfa/enroll/start')
  @HttpCode(HttpStatus.OK)
  async startEnrollment(@Body() body: MfaStartDto, @Req() req: Request): Promise<MfaEnrollmentStart> {
    return this.auth.startEnrollment(await this.enrolmentTarget(body.mfaToken, req));
  }

  @Public()
  @Post('mfa/enroll/confirm')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  async confirmEnrollment(
    @Body() body: MfaCodeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnrollmentConfirmed> {
    const target = await this.enrolmentTarget(body.mfaToken, req);
    const enrolled = await this.auth.confirmEnrollment(target, body.code ?? '');
    this.send(res, enrolled);
    return enrolled.body;
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    try {
      return this.send(res, await this.sessions.renew(req.cookies?.[REFRESH_COOKIE]));
    } catch (error) {
      clearSession(res);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.logout(req.cookies?.[REFRESH_COOKIE]);
    clearSession(res);
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PasswordChangeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const { currentPassword, newPassword } = body;
    const session = await this.auth.changePassword(principal.userId, currentPassword, newPassword, clientAddress(req));
    return this.send(res, session);
  }

  @Get('me')
  async me(@CurrentPrincipal() principal: Principal): Promise<AuthUser> {
    const user = await this.auth.userById(principal.userId);
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return this.auth.authUser(user, principal.sessionId);
  }

  private send(res: Response, session: IssuedSession): SessionResponse {
    return sendSession(res, session, this.config);
  }

  private async enrolmentTarget(
    mfaToken: string | undefined,
    req: Request,
  ): Promise<{ mfaToken?: string; userId?: string }> {
    if (mfaToken) return { mfaToken };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const claims = bearer ? await this.jwt.verifyAsync<AccessClaims>(bearer).catch(() => undefined) : undefined;
    if (!claims || claims.typ !== 'access') throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    await this.sessions.assertOpen(claims);
    return { userId: claims.sub };
  }
}
