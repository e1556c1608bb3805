import { Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';

/** The tree and list of units and schools; the Excel import (department only); one unit's page with its history. */
export const ORGANISATION_ROUTES: Routes = [
  {
    path: '',
    title: 'organisation.titles.page',
    loadComponent: () => import('./feature-organisation/organisation.page').then((m) => m.OrganisationPage),
  },
  {
    path: 'import',
    title: 'organisation.titles.import',
    canMatch: [requirePermission('org.manage')],
    loadComponent: () => import('./feature-import/org-import.page').then((m) => m.OrgImportPage),
  },
  {
    path: ':id',
    title: 'organisation.titles.unit',
    loadComponent: () => import('./feature-unit-detail/unit-detail.page').then((m) => m.UnitDetailPage),
  },
];
