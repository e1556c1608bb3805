import { Routes } from '@angular/router';
import { canLeavePage, requirePermission } from '@emis/web/core';

/** Students of the current school: list, record, new, import, transfers, promotion. */
export const STUDENTS_ROUTES: Routes = [
  {
    path: '',
    title: 'students.titles.list',
    loadComponent: () => import('./feature-student-list/student-list.page').then((m) => m.StudentListPage),
  },
  {
    path: 'new',
    title: 'students.titles.new',
    canMatch: [requirePermission('students.manage')],
    loadComponent: () => import('./feature-student-form/student-new.page').then((m) => m.StudentNewPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: 'import',
    title: 'students.titles.import',
    canMatch: [requirePermission('people.import', 'people.import.schools')],
    loadComponent: () => import('./feature-import/student-import.page').then((m) => m.StudentImportPage),
  },
  {
    path: 'transfers',
    title: 'students.titles.transfers',
    loadComponent: () => import('./feature-transfers/transfers.page').then((m) => m.TransfersPage),
  },
  {
    path: 'promotion',
    title: 'students.titles.promotion',
    canMatch: [requirePermission('students.promote')],
    loadComponent: () => import('./feature-promotion/promotion.page').then((m) => m.PromotionPage),
  },
  {
    path: 'search',
    title: 'students.search.title',
    canMatch: [requirePermission('students.search')],
    loadComponent: () => import('./feature-pupil-search/pupil-search.page').then((m) => m.PupilSearchPage),
  },
  {
    path: ':studentId',
    title: 'students.titles.detail',
    loadComponent: () => import('./feature-student-detail/student-detail.page').then((m) => m.StudentDetailPage),
  },
];
