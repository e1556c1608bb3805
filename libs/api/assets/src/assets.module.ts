import { Module } from '@nestjs/common';
import { AssetDetails } from './asset-details';
import { AssetHistory } from './asset-history.repository';
import { AssetsEvents } from './assets-events';
import { AssetsRepository } from './assets.repository';
import { AssetAttachmentsRepository } from './register/asset-attachments.repository';
import { AssetAttachmentsService } from './register/asset-attachments.service';
import { AssetLocationsController } from './register/asset-locations.controller';
import { AssetLocationsRepository } from './register/asset-locations.repository';
import { AssetLocationsService } from './register/asset-locations.service';
import { CostChangeService } from './register/cost-change.service';
import { RegisterController } from './register/register.controller';
import { RegisterService } from './register/register.service';
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
    // — part B: register —
    RegisterController,
    AssetLocationsController,
    // — part A: wear —
    SchoolWearController,
    ProvinceWearController,
    AssetConfigController,
  ],
  providers: [
    // The core every part of the context shares: the register's rows, an asset's history and record page, the event.
    AssetsRepository,
    AssetHistory,
    AssetsEvents,
    AssetDetails,
    // — part B: register —
    RegisterService,
    CostChangeService,
    AssetLocationsRepository,
    AssetLocationsService,
    AssetAttachmentsRepository,
    AssetAttachmentsService,
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
