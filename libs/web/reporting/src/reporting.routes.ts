import { Routes } from '@angular/router';

/**
 * Reports (under /reports, 'reports.read'): the caller's dashboard, the drill-down department → unit → school →
 * class (→ the class's pupils on the gradebook's results page), the comparison of schools and the official
 * statistical reports.
 */
export const REPORTING_ROUTES: Routes = [
  // --- Dashboards and drill-down -----------------------------------------------------------------------------
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
  // --- End of dashboards and drill-down ---------------------------------------------------------------------
];
