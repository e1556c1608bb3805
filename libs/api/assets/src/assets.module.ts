import { Module } from '@nestjs/common';
import { AssetsFacts } from './assets-facts';
import { AssetsFactsRepository } from './assets-facts.repository';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the register, wear, movements between rooms and
 * schools, loans, disposal, the annual inventory, and the books.
 */
@Module({
  imports: [],
  controllers: [],
  providers: [AssetsFactsRepository, AssetsFacts],
  exports: [AssetsFacts],
})
export class AssetsModule {}
