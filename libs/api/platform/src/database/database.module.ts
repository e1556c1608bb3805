import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ScopeKeyCheck } from './scope-key-check';
import { ScopeSealer } from './scope-seal';
import { TenantDb } from './tenant-db';

@Global()
@Module({
  providers: [
    TenantDb,
    ScopeKeyCheck,
    { provide: ScopeSealer, useFactory: (config: AppConfig) => new ScopeSealer(config.SCOPE_KEY), inject: [AppConfig] },
  ],
  exports: [TenantDb, ScopeSealer],
})
export class DatabaseModule {}
