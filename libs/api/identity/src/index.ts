export * from './identity.module';
export * from './auth.service';
export { REFRESH_COOKIE } from './auth.controller';
export * from './mfa';
export * from './operator-accounts.repository';
