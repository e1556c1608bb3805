import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, PermissionGuard } from '@emis/api/platform';
import { StaffModule } from '@emis/api/staff';
import { ACCOUNTS_CONTROLLERS, ACCOUNTS_PROVIDERS } from './accounts/accounts.providers';
import { UnitAccounts } from '@emis/api/tenancy';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MfaChallengeService } from './mfa-challenge.service';
import { MfaPolicyController } from './mfa-policy.controller';
import { MfaPolicyService } from './mfa-policy.service';
import { MfaRepository } from './mfa.repository';
import { PasswordResetRequestsRepository } from './password-reset-requests.repository';
import { PasswordResetRequests } from './password-reset-requests.service';
import { SecondFactorService } from './second-factor.service';
import { SignInController } from './sign-in.controller';
import { SignInGuardRepository } from './sign-in-guard.repository';
import { SignInGuard } from './sign-in-guard.service';
import { JwtAuthGuard, JwtStrategy, LocalStrategy, LoginThrottlerGuard } from './strategies';
import { AccountSessionsController } from './sessions/account-sessions.controller';
import { SessionRegistry } from './sessions/session-registry';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { UserAudit } from './user-audit';
import { UsersRepository } from './users.repository';
import { UnitAccountsRepository } from './unit-accounts.repository';

@Module({
  imports: [
    PassportModule,
    StaffModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: config.AUTH_THROTTLE_TTL_MS, limit: config.AUTH_THROTTLE_LIMIT }],
      }),
    }),
  ],
  // MfaPolicyController before AccountsController: /accounts/mfa-policy must not match /accounts/{accountId}.
  controllers: [
    MfaPolicyController,
    AuthController,
    SignInController,
    SessionsController,
    AccountSessionsController,
    ...ACCOUNTS_CONTROLLERS,
  ],
  providers: [
    UsersRepository,
    UserAudit,
    SessionsRepository,
    SessionRegistry,
    SessionsService,
    SignInGuardRepository,
    SignInGuard,
    MfaRepository,
    MfaChallengeService,
    MfaPolicyService,
    SecondFactorService,
    PasswordResetRequestsRepository,
    PasswordResetRequests,
    AuthService,
    LocalStrategy,
    JwtStrategy,
    LoginThrottlerGuard,
    ...ACCOUNTS_PROVIDERS,
    // Tenancy's port: the organisation pages count each unit's accounts (resolved there through the module ref).
    { provide: UnitAccounts, useClass: UnitAccountsRepository },
    // Order matters: authenticate first (sets principal and scope), then check the route's permission.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AuthService, MfaPolicyService],
})
export class IdentityModule {}
