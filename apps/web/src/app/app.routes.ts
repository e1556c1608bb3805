import { Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';
import { loginRoute, shellRoute } from '@emis/web/shell';

/** Feature libraries are loaded on first use; a route the role may not use does not match (→ not found). */
export const appRoutes: Routes = [
  loginRoute,
  shellRoute([
    {
      path: 'schools',
      canMatch: [requirePermission('schools.read')],
      loadChildren: () => import('@emis/web/schools').then((m) => m.SCHOOLS_ROUTES),
    },
    {
      path: 'students',
      canMatch: [requirePermission('students.read')],
      loadChildren: () => import('@emis/web/students').then((m) => m.STUDENTS_ROUTES),
    },
    {
      path: 'classes',
      canMatch: [requirePermission('classes.read')],
      loadChildren: () => import('@emis/web/academic').then((m) => m.CLASSES_ROUTES),
    },
    {
      path: 'grades',
      canMatch: [requirePermission('grades.read')],
      loadChildren: () => import('@emis/web/grading').then((m) => m.GRADING_ROUTES),
    },
    {
      path: 'calendar',
      canMatch: [requirePermission('calendar.read')],
      loadChildren: () => import('@emis/web/academic').then((m) => m.CALENDAR_ROUTES),
    },
    {
      path: 'staff',
      canMatch: [requirePermission('staff.read')],
      loadChildren: () => import('@emis/web/staff').then((m) => m.STAFF_ROUTES),
    },
    {
      path: 'assets',
      canMatch: [requirePermission('assets.read')],
      loadChildren: () => import('@emis/web/assets').then((m) => m.ASSETS_ROUTES),
    },
    {
      path: 'finance',
      canMatch: [requirePermission('finance.read', 'finance.debtors')],
      loadChildren: () => import('@emis/web/finance').then((m) => m.FINANCE_ROUTES),
    },
    {
      path: 'reports',
      canMatch: [requirePermission('reports.read')],
      loadChildren: () => import('@emis/web/reporting').then((m) => m.REPORTING_ROUTES),
    },
    {
      path: 'accounts',
      canMatch: [requirePermission('accounts.read')],
      loadChildren: () => import('@emis/web/accounts').then((m) => m.ACCOUNTS_ROUTES),
    },
    {
      path: 'organisation',
      canMatch: [requirePermission('org.read')],
      loadChildren: () => import('@emis/web/organisation').then((m) => m.ORGANISATION_ROUTES),
    },
    {
      path: 'audit',
      canMatch: [requirePermission('audit.read')],
      loadChildren: () => import('@emis/web/schools').then((m) => m.AUDIT_ROUTES),
    },
    {
      path: 'security',
      canMatch: [requirePermission('security.events.read')],
      loadChildren: () => import('@emis/web/accounts').then((m) => m.SECURITY_ROUTES),
    },
  ]),
];
