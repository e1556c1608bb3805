import { Module } from '@nestjs/common';
import { AssetHistory } from './asset-history.repository';
import { AssetsEvents } from './assets-events';
import { AssetsRepository } from './assets.repository';
import { AssetConfigController } from './config/asset-config.controller';
import { AssetConfigRepository } from './config/asset-config.repository';
import { AssetConfigService } from './config/asset-config.service';
import { ProvinceWearController, SchoolWearController } from './wear/wear.controller';
import { WearRepository } from './wear/wear.repository';
import { WearRunQueue } from './wear/wear-run.queue';
import { WearRunner } from './wear/wear-runner';
import { WearService } from './wear/wear.service';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the register, wear, movements between rooms and
 * schools, loans, disposal, the annual inventory, and the books.
 */
@Module({
  imports: [],
  controllers: [
    // — part A: wear —
    SchoolWearController,
    ProvinceWearController,
    AssetConfigController,
  ],
  // The core every part of the context shares: the register's rows, an asset's history, the assets.changed event.
  providers: [
    AssetsRepository,
    AssetHistory,
    AssetsEvents,
    // — part A: wear —
    WearRepository,
    WearRunner,
    WearRunQueue,
    WearService,
    AssetConfigRepository,
    AssetConfigService,
  ],
  exports: [],
})
export class AssetsModule {}
