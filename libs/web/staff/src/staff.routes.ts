import { Routes } from '@angular/router';

/** Staff of the current school: list, record, new, import, transfer. (Filled in by the People work.) */
export const STAFF_ROUTES: Routes = [];
