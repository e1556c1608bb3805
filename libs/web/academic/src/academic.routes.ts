import { Routes } from '@angular/router';
import { canLeavePage, requirePermission } from '@emis/web/core';

/** Classes of the current school, with their roster, teachers and daily attendance. */
export const CLASSES_ROUTES: Routes = [
  {
    path: '',
    title: 'academic.titles.classes',
    loadComponent: () => import('./feature-class-list/class-list.page').then((m) => m.ClassListPage),
  },
  {
    path: 'new',
    title: 'academic.titles.newClass',
    canMatch: [requirePermission('classes.manage')],
    loadComponent: () => import('./feature-class-form/class-form.page').then((m) => m.ClassFormPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: ':classId',
    title: 'academic.titles.class',
    loadComponent: () => import('./feature-class-detail/class-detail.page').then((m) => m.ClassDetailPage),
  },
  {
    path: ':classId/edit',
    title: 'academic.titles.editClass',
    canMatch: [requirePermission('classes.manage')],
    loadComponent: () => import('./feature-class-form/class-form.page').then((m) => m.ClassFormPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: ':classId/attendance',
    title: 'academic.titles.attendance',
    canMatch: [requirePermission('attendance.read')],
    loadComponent: () => import('./feature-attendance/attendance.page').then((m) => m.AttendancePage),
    canDeactivate: [canLeavePage],
  },
];

/** School years of the province and the school's own semester dates. */
export const CALENDAR_ROUTES: Routes = [
  {
    path: '',
    title: 'academic.titles.calendar',
    loadComponent: () => import('./feature-calendar/calendar.page').then((m) => m.CalendarPage),
  },
  {
    path: ':yearId/rules',
    title: 'academic.titles.rules',
    loadComponent: () => import('./feature-rule-settings/rule-settings.page').then((m) => m.RuleSettingsPage),
  },
];
