import { Routes } from '@angular/router';

/** Students of the current school: list, record, new, import, transfers, promotion. (Filled in by the People work.) */
export const STUDENTS_ROUTES: Routes = [];
