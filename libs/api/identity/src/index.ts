export * from './identity.module';
export * from './auth.service';
export { REFRESH_COOKIE } from './auth.controller';
export * from './mfa';
export * from './operator-accounts.repository';
export { IDENTITY_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateUsers1764100000030 } from './migrations/1764100000030-CreateUsers';
export { LinkUsersToStaff1764200000060 } from './migrations/1764200000060-LinkUsersToStaff';
export { CreateIdentityViews1764400000400 } from './migrations/1764400000400-CreateIdentityViews';
export { CreateIdentityUserView1764400000800 } from './migrations/1764400000800-CreateIdentityUserView';
