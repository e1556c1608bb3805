import { Routes } from '@angular/router';
import { canLeavePage, requirePermission } from '@emis/web/core';

/** Staff of the current school: list, record, new, edit, import; the department's transfer is on the record. */
export const STAFF_ROUTES: Routes = [
  {
    path: '',
    title: 'staff.titles.list',
    loadComponent: () => import('./feature-staff-list/staff-list.page').then((m) => m.StaffListPage),
  },
  {
    path: 'new',
    title: 'staff.titles.new',
    canMatch: [requirePermission('staff.manage')],
    loadComponent: () => import('./feature-staff-form/staff-form.page').then((m) => m.StaffFormPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: 'import',
    title: 'staff.titles.import',
    canMatch: [requirePermission('people.import')],
    loadComponent: () => import('./feature-staff-import/staff-import.page').then((m) => m.StaffImportPage),
  },
  {
    path: ':staffId',
    title: 'staff.titles.detail',
    loadComponent: () => import('./feature-staff-detail/staff-detail.page').then((m) => m.StaffDetailPage),
  },
  {
    path: ':staffId/edit',
    title: 'staff.titles.edit',
    canMatch: [requirePermission('staff.manage')],
    loadComponent: () => import('./feature-staff-form/staff-form.page').then((m) => m.StaffFormPage),
    canDeactivate: [canLeavePage],
  },
];
