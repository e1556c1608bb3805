import { Module } from '@nestjs/common';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { AssetHistory } from './asset-history.repository';
import { AssetsEvents } from './assets-events';
import { AssetsRepository } from './assets.repository';
import { ChecklistImporter } from './inventory/checklist-importer';
import { InventoryApprovalService } from './inventory/inventory-approval.service';
import { InventoryController } from './inventory/inventory.controller';
import { InventoryPapersService } from './inventory/inventory-papers.service';
import { InventoryRepository } from './inventory/inventory.repository';
import { InventoryService } from './inventory/inventory.service';
import { AssetLock } from './movements/asset-lock';
import { AssetTransfersController } from './movements/asset-transfers.controller';
import { AssetTransfersRepository } from './movements/asset-transfers.repository';
import { AssetTransfersService } from './movements/asset-transfers.service';
import { MovementsController } from './movements/movements.controller';
import { MovementsRepository } from './movements/movements.repository';
import { MovementsService } from './movements/movements.service';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the register, wear, movements between rooms and
 * schools, loans, disposal, the annual inventory, and the books.
 */
@Module({
  imports: [SpreadsheetsModule],
  controllers: [
    // — part D: movements and inventory —
    MovementsController,
    AssetTransfersController,
    InventoryController,
  ],
  // The core every part of the context shares: the register's rows, an asset's history, the assets.changed event.
  providers: [
    AssetsRepository,
    AssetHistory,
    AssetsEvents,
    // — part D: movements and inventory —
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
  ],
  exports: [],
})
export class AssetsModule {}
