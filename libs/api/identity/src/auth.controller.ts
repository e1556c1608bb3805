import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser, LoginResponse, MfaEnrollmentStart, SessionResponse } from '@emis/contracts';
import { AppConfig, CurrentPrincipal, Principal, ProblemException, Public } from '@emis/api/platform';
import type { Request, Response } from 'express';
import { MfaCodeDto, MfaStartDto, PasswordChangeDto } from './auth.dto';
import { AccessClaims, AuthService, IssuedSession } from './auth.service';
import { LocalAuthGuard, LoginThrottlerGuard } from './strategies';
import { UserRecord } from './users.repository';

export const REFRESH_COOKIE = 'emis_rt';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
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
  async verifyMfa(@Body() body: MfaCodeDto, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    if (!body.mfaToken) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    return this.send(res, await this.auth.verifyMfa(body.mfaToken, body.code));
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
  ): Promise<SessionResponse> {
    return this.send(res, await this.auth.confirmEnrollment(await this.enrolmentTarget(body.mfaToken, req), body.code));
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    try {
      return this.send(res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]));
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PasswordChangeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    return this.send(res, await this.auth.changePassword(principal.userId, body.currentPassword, body.newPassword));
  }

  @Get('me')
  async me(@CurrentPrincipal() principal: Principal): Promise<AuthUser> {
    const user = await this.auth.userById(principal.userId);
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return this.auth.authUser(user);
  }

  private send(res: Response, session: IssuedSession): SessionResponse {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      sameSite: 'strict',
      path: COOKIE_PATH,
      maxAge: this.config.REFRESH_TOKEN_TTL_SECONDS * 1000,
    });
    return session.body;
  }

  private async enrolmentTarget(
    mfaToken: string | undefined,
    req: Request,
  ): Promise<{ mfaToken?: string; userId?: string }> {
    if (mfaToken) return { mfaToken };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const claims = bearer ? await this.jwt.verifyAsync<AccessClaims>(bearer).catch(() => undefined) : undefined;
    if (!claims || claims.typ !== 'access') throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return { userId: claims.sub };
  }
}
