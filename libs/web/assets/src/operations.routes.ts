import { Routes } from '@angular/router';

/**
 * Transfers between schools and the annual inventory (counting, approval, reports). The asset record's movements
 * (move, lend, dispose, transfer out) are ui/asset-actions, placed on the register's record page.
 */
export const OPERATIONS_ROUTES: Routes = [
  {
    path: 'transfers',
    title: 'assets.operations.titles.transfers',
    loadComponent: () => import('./feature-asset-transfers/asset-transfers.page').then((m) => m.AssetTransfersPage),
  },
  {
    path: 'inventories',
    title: 'assets.operations.titles.inventories',
    loadComponent: () => import('./feature-asset-inventory-list/inventory-list.page').then((m) => m.InventoryListPage),
  },
  {
    path: 'inventories/:inventoryId',
    title: 'assets.operations.titles.inventory',
    loadComponent: () => import('./feature-asset-inventory/inventory.page').then((m) => m.InventoryPage),
  },
];
