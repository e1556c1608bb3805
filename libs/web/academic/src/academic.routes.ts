import { Routes } from '@angular/router';

/** Classes of the current school, with their roster, teachers and daily attendance. (Filled in by the People work.) */
export const CLASSES_ROUTES: Routes = [];

/** School years of the province and the school's own semester dates. (Filled in by the People work.) */
export const CALENDAR_ROUTES: Routes = [];
