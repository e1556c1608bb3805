import { Module } from '@nestjs/common';
import { AssetsFacts } from './assets-facts';
import { AssetsFactsRepository } from './assets-facts.repository';
import { AssetHistory } from './asset-history.repository';
import { AssetsEvents } from './assets-events';
import { AssetsRepository } from './assets.repository';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the register, wear, movements between rooms and
 * schools, loans, disposal, the annual inventory, and the books.
 */
@Module({
  imports: [],
  controllers: [],
  // The core every part of the context shares: the register's rows, an asset's history, the assets.changed event;
  // and the reporting read model's port (AssetsFacts).
  providers: [AssetsRepository, AssetHistory, AssetsEvents, AssetsFactsRepository, AssetsFacts],
  exports: [AssetsFacts],
})
export class AssetsModule {}
