import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, PermissionGuard } from '@emis/api/platform';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard, JwtStrategy, LocalStrategy, LoginThrottlerGuard } from './strategies';
import { UsersRepository } from './users.repository';

@Module({
  imports: [
    PassportModule,
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
  controllers: [AuthController],
  providers: [
    UsersRepository,
    AuthService,
    LocalStrategy,
    JwtStrategy,
    LoginThrottlerGuard,
    // Order matters: authenticate first (sets principal and scope), then check the route's permission.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AuthService],
})
export class IdentityModule {}
