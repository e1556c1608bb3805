import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MfaEnrollmentStart, RecoveryCodes } from '@emis/contracts';
import { AppConfig, CurrentPrincipal, Principal, Public } from '@emis/api/platform';
import type { Request, Response } from 'express';
import { sendSession } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordResetRequests } from './password-reset-requests.service';
import { SecondFactorService } from './second-factor.service';
import { FirstPasswordDto, MfaProofDto, PasswordResetRequestDto, TotpCodeDto } from './sign-in.dto';
import { clientAddress, LoginThrottlerGuard } from './strategies';

/**
 * The steps of sign-in beyond user name and password (docs/domain/sign-in.md): the first password after an
 * administrator's one-time one, replacing the authenticator or the recovery codes, and "forgot password".
 */
@ApiTags('auth')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
    private readonly resetRequests: PasswordResetRequests,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The mfaToken of a `password_change_required` answer and the new password: answers the sign-in's next step. */
  @Public()
  @Post('password/first')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  async firstPassword(
    @Body() body: FirstPasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const next = await this.auth.setFirstPassword(body.mfaToken, body.newPassword);
    return 'refreshToken' in next ? sendSession(res, next, this.config) : next;
  }

  /** Replacing the authenticator: the current factor (a TOTP code or a recovery code) first. */
  @Post('mfa/re-enroll/start')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  startReEnrolment(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MfaProofDto,
    @Req() req: Request,
  ): Promise<MfaEnrollmentStart> {
    return this.secondFactor.startReEnrolment(principal.userId, body, clientAddress(req));
  }

  /** The new authenticator's first code: it replaces the old one, and new recovery codes are shown once. */
  @Post('mfa/re-enroll/confirm')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  confirmReEnrolment(@CurrentPrincipal() principal: Principal, @Body() body: TotpCodeDto): Promise<RecoveryCodes> {
    return this.secondFactor.confirmReEnrolment(principal.userId, body.code);
  }

  /** New recovery codes (the old ones stop working), the current factor first. */
  @Post('mfa/recovery-codes')
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  renewRecoveryCodes(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MfaProofDto,
    @Req() req: Request,
  ): Promise<RecoveryCodes> {
    return this.secondFactor.renewRecoveryCodes(principal.userId, body, clientAddress(req));
  }

  /** "Forgot password": the user's administrator is asked. The answer is the same whether or not the user exists. */
  @Public()
  @Post('password-reset-requests')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseGuards(LoginThrottlerGuard)
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() req: Request): Promise<void> {
    await this.resetRequests.request(body.username, clientAddress(req));
  }
}
