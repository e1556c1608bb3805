import { Routes } from '@angular/router';

export const SCHOOLS_ROUTES: Routes = [
  {
    path: '',
    title: 'titles.schools',
    loadComponent: () => import('./feature-school-list/school-list.page').then((m) => m.SchoolListPage),
  },
  {
    path: ':id',
    title: 'titles.school',
    loadComponent: () => import('./feature-school-detail/school-detail.page').then((m) => m.SchoolDetailPage),
  },
];

export const AUDIT_ROUTES: Routes = [
  {
    path: '',
    title: 'titles.audit',
    loadComponent: () => import('./feature-audit-log/audit-log.page').then((m) => m.AuditLogPage),
  },
];
