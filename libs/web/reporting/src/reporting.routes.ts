import { Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';

// --- Dashboards and drill-down ------------------------------------------------------------------------------------
const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'reporting.titles.home',
    loadComponent: () => import('./feature-home/reports-home.page').then((m) => m.ReportsHomePage),
  },
  {
    path: 'units/:orgUnitId',
    title: 'reporting.titles.unit',
    loadComponent: () => import('./feature-unit/unit-report.page').then((m) => m.UnitReportPage),
  },
  {
    path: 'schools/:schoolId',
    title: 'reporting.titles.school',
    loadComponent: () => import('./feature-school/school-report.page').then((m) => m.SchoolReportPage),
  },
  {
    path: 'schools/:schoolId/classes/:classId',
    title: 'reporting.titles.class',
    loadComponent: () => import('./feature-class/class-report.page').then((m) => m.ClassReportPage),
  },
  {
    path: 'compare',
    title: 'reporting.titles.compare',
    loadComponent: () => import('./feature-compare/compare.page').then((m) => m.ComparePage),
  },
  // The public assets (issue 11): the unit picked in the switcher, or the one named.
  {
    path: 'assets',
    title: 'reporting.titles.assets',
    loadComponent: () => import('./feature-assets/assets-report.page').then((m) => m.AssetsReportPage),
  },
  {
    path: 'assets/:orgUnitId',
    title: 'reporting.titles.assets',
    loadComponent: () => import('./feature-assets/assets-report.page').then((m) => m.AssetsReportPage),
  },
  // School finance (issue 12): finance.read besides the section's reports.read.
  {
    path: 'finance',
    title: 'reporting.titles.finance',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-finance/finance-report.page').then((m) => m.FinanceReportPage),
  },
  {
    path: 'finance/:orgUnitId',
    title: 'reporting.titles.finance',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-finance/finance-report.page').then((m) => m.FinanceReportPage),
  },
];
// --- end of the dashboards -------------------------------------------------------------------------------------

// --- The official statistical reports (feature-forms) ------------------------------------------------------------
const FORMS_ROUTES: Routes = [
  {
    path: 'forms',
    title: 'reporting.forms.titles.home',
    loadComponent: () => import('./feature-forms/forms-home.page').then((m) => m.FormsHomePage),
  },
  {
    path: 'forms/aggregate',
    title: 'reporting.forms.titles.aggregate',
    canMatch: [requirePermission('reports.review')],
    loadComponent: () => import('./feature-forms/aggregate.page').then((m) => m.AggregatePage),
  },
  {
    path: 'forms/schools/:schoolId/:yearId/:kind',
    title: 'reporting.forms.titles.form',
    loadComponent: () => import('./feature-forms/statistical-form.page').then((m) => m.StatisticalFormPage),
  },
];
// --- end of the statistical reports ------------------------------------------------------------------------------

/**
 * Reports (under /reports, 'reports.read'): the caller's dashboard, the drill-down department → unit → school →
 * class (→ the class's pupils on the gradebook's results page), the comparison of schools, the public assets and the
 * official statistical reports.
 */
export const REPORTING_ROUTES: Routes = [...DASHBOARD_ROUTES, ...FORMS_ROUTES];
