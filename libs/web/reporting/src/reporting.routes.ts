import { Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';

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
 * class (→ the class's pupils on the gradebook's results page), the comparison of schools and the official
 * statistical reports.
 */
export const REPORTING_ROUTES: Routes = [...FORMS_ROUTES];
