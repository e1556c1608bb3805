import { Module } from '@nestjs/common';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { AssetDetails } from './asset-details';
import { AssetHistory } from './asset-history.repository';
import { AssetPrintsController } from './asset-prints.controller';
import { AssetsEvents } from './assets-events';
import { AssetsFacts } from './assets-facts';
import { AssetsFactsRepository } from './assets-facts.repository';
import { AssetsRepository } from './assets.repository';
import { AssetBooksRepository } from './books/asset-books.repository';
import { AssetBooksService } from './books/asset-books.service';
import { AssetConfigController } from './config/asset-config.controller';
import { AssetConfigRepository } from './config/asset-config.repository';
import { AssetConfigService } from './config/asset-config.service';
import { AssetImportController } from './import/asset-import.controller';
import { AssetImportRepository } from './import/asset-import.repository';
import { AssetImporter } from './import/asset-importer';
import { ChecklistImporter } from './inventory/checklist-importer';
import { InventoryApprovalService } from './inventory/inventory-approval.service';
import { InventoryController } from './inventory/inventory.controller';
import { InventoryPapersService } from './inventory/inventory-papers.service';
import { InventoryRepository } from './inventory/inventory.repository';
import { InventoryService } from './inventory/inventory.service';
import { AssetLabelsRepository } from './labels/asset-labels.repository';
import { AssetLabelsService } from './labels/asset-labels.service';
import { AssetLock } from './movements/asset-lock';
import { AssetTransfersController } from './movements/asset-transfers.controller';
import { AssetTransfersRepository } from './movements/asset-transfers.repository';
import { AssetTransfersService } from './movements/asset-transfers.service';
import { MovementsController } from './movements/movements.controller';
import { MovementsRepository } from './movements/movements.repository';
import { MovementsService } from './movements/movements.service';
import { AssetAttachmentsRepository } from './register/asset-attachments.repository';
import { AssetAttachmentsService } from './register/asset-attachments.service';
import { AssetLocationsController } from './register/asset-locations.controller';
import { AssetLocationsRepository } from './register/asset-locations.repository';
import { AssetLocationsService } from './register/asset-locations.service';
import { CostChangeService } from './register/cost-change.service';
import { RegisterController } from './register/register.controller';
import { RegisterService } from './register/register.service';
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
  imports: [SpreadsheetsModule],
  controllers: [
    // Prints and import first: their fixed paths (assets/labels.pdf) must match before the register's assets/:assetId.
    AssetPrintsController,
    AssetImportController,
    RegisterController,
    AssetLocationsController,
    MovementsController,
    AssetTransfersController,
    InventoryController,
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
    // The register: assets, rooms, attachments, cost changes.
    RegisterService,
    CostChangeService,
    AssetLocationsRepository,
    AssetLocationsService,
    AssetAttachmentsRepository,
    AssetAttachmentsService,
    // Wear and the province's configuration.
    WearRepository,
    WearRunner,
    WearRunQueue,
    WearService,
    AssetConfigRepository,
    AssetConfigService,
    // Excel and print: the list import, the books, the labels.
    AssetImportRepository,
    AssetImporter,
    AssetBooksRepository,
    AssetBooksService,
    AssetLabelsRepository,
    AssetLabelsService,
    // Movements between rooms and schools, loans, disposal, and the annual inventory.
    AssetLock,
    MovementsRepository,
    MovementsService,
    AssetTransfersRepository,
    AssetTransfersService,
    InventoryRepository,
    InventoryService,
    InventoryApprovalService,
    InventoryPapersService,
    ChecklistImporter,
    // The reporting read model's port.
    AssetsFactsRepository,
    AssetsFacts,
  ],
  exports: [AssetsFacts],
})
export class AssetsModule {}
