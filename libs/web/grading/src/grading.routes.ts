import { Routes } from '@angular/router';
import { canLeavePage } from '@emis/web/core';

/** The gradebook: a class's subjects, each subject's sheet, conduct and results (under /grades, 'grades.read'). */
export const GRADING_ROUTES: Routes = [
  {
    path: '',
    title: 'grading.titles.overview',
    loadComponent: () => import('./feature-overview/grades-overview.page').then((m) => m.GradesOverviewPage),
  },
  {
    path: 'completion',
    title: 'grading.titles.completion',
    loadComponent: () => import('./feature-completion/completion.page').then((m) => m.CompletionPage),
  },
  {
    path: 'awards',
    title: 'grading.titles.awards',
    loadComponent: () => import('./feature-awards/awards.page').then((m) => m.AwardsPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: 'locks',
    title: 'grading.locks.title',
    loadComponent: () => import('./feature-locks/locks.page').then((m) => m.GradingLocksPage),
  },
  {
    path: ':classId/conduct/:semester',
    title: 'grading.titles.conduct',
    loadComponent: () => import('./feature-conduct/conduct.page').then((m) => m.ConductPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: ':classId/results',
    title: 'grading.titles.results',
    loadComponent: () => import('./feature-results/results.page').then((m) => m.ResultsPage),
  },
  {
    path: ':classId/:semester/:subjectCode',
    title: 'grading.titles.sheet',
    loadComponent: () => import('./feature-sheet/grade-sheet.page').then((m) => m.GradeSheetPage),
    canDeactivate: [canLeavePage],
  },
];
