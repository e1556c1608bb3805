export * from './identity.module';
export * from './auth.service';
export { SessionRegistry } from './sessions/session-registry';
export { REFRESH_COOKIE } from './auth.controller';
export * from './mfa';
export * from './recovery-codes';
export * from './operator-accounts.repository';
export { IDENTITY_MESSAGES } from './messages';
export { ACCOUNTS_MESSAGES } from './accounts/accounts.messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateUsers1764100000030 } from './migrations/1764100000030-CreateUsers';
export { LinkUsersToStaff1764200000060 } from './migrations/1764200000060-LinkUsersToStaff';
export { CreateIdentityViews1764400000400 } from './migrations/1764400000400-CreateIdentityViews';
export { CreateIdentityUserView1764400000800 } from './migrations/1764400000800-CreateIdentityUserView';
export { AdministerAccounts1764800000000 } from './migrations/1764800000000-AdministerAccounts';
export { HardenSignIn1764800000400 } from './migrations/1764800000400-HardenSignIn';
export { GuardAccountRoles1764900000960 } from './migrations/1764900000960-GuardAccountRoles';
export { GuardAccountCredentials1765000000610 } from './migrations/1765000000610-GuardAccountCredentials';
export { ExposeAccountActive1765000001600 } from './migrations/1765000001600-ExposeAccountActive';
