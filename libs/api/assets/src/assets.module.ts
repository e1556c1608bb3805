import { Module } from '@nestjs/common';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { AssetHistory } from './asset-history.repository';
import { AssetPrintsController } from './asset-prints.controller';
import { AssetsEvents } from './assets-events';
import { AssetsRepository } from './assets.repository';
import { AssetBooksRepository } from './books/asset-books.repository';
import { AssetBooksService } from './books/asset-books.service';
import { AssetImportController } from './import/asset-import.controller';
import { AssetImportRepository } from './import/asset-import.repository';
import { AssetImporter } from './import/asset-importer';
import { AssetLabelsRepository } from './labels/asset-labels.repository';
import { AssetLabelsService } from './labels/asset-labels.service';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the register, wear, movements between rooms and
 * schools, loans, disposal, the annual inventory, and the books.
 */
@Module({
  imports: [SpreadsheetsModule],
  controllers: [
    // Part C (books, labels, import) first: its fixed paths (assets/labels.pdf) must match before assets/:assetId.
    AssetPrintsController,
    AssetImportController,
  ],
  // The core every part of the context shares: the register's rows, an asset's history, the assets.changed event.
  providers: [
    AssetsRepository,
    AssetHistory,
    AssetsEvents,
    // — part C: excel and print —
    AssetImportRepository,
    AssetImporter,
    AssetBooksRepository,
    AssetBooksService,
    AssetLabelsRepository,
    AssetLabelsService,
  ],
  exports: [],
})
export class AssetsModule {}
