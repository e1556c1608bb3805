import { Routes } from '@angular/router';
import { canLeavePage, requirePermission } from '@emis/web/core';

/** The register: list, asset record, new, edit, import, labels, wear, the province's configuration. */
export const REGISTER_ROUTES: Routes = [
  {
    path: '',
    title: 'assets.register.titles.list',
    loadComponent: () => import('./feature-asset-list/asset-list.page').then((m) => m.AssetListPage),
  },
  {
    path: 'new',
    title: 'assets.register.titles.new',
    canMatch: [requirePermission('assets.manage')],
    loadComponent: () => import('./feature-asset-form/asset-form.page').then((m) => m.AssetFormPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: 'import',
    title: 'assets.register.titles.import',
    canMatch: [requirePermission('assets.manage')],
    loadComponent: () => import('./feature-asset-import/asset-import.page').then((m) => m.AssetImportPage),
  },
  {
    path: 'wear',
    title: 'assets.register.titles.wear',
    loadComponent: () => import('./feature-asset-wear/asset-wear.page').then((m) => m.AssetWearPage),
  },
  {
    path: 'config',
    title: 'assets.register.titles.config',
    canMatch: [requirePermission('assets.configure')],
    loadComponent: () => import('./feature-asset-config/asset-config.page').then((m) => m.AssetConfigPage),
  },
  {
    path: ':assetId',
    title: 'assets.register.titles.detail',
    loadComponent: () => import('./feature-asset-detail/asset-detail.page').then((m) => m.AssetDetailPage),
  },
  {
    path: ':assetId/edit',
    title: 'assets.register.titles.edit',
    canMatch: [requirePermission('assets.manage')],
    loadComponent: () => import('./feature-asset-form/asset-form.page').then((m) => m.AssetFormPage),
    canDeactivate: [canLeavePage],
  },
];
