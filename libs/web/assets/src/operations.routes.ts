import { Routes } from '@angular/router';

/** Transfers between schools and the annual inventory (counting, approval, reports). */
export const OPERATIONS_ROUTES: Routes = [];
