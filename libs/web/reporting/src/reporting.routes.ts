import { Routes } from '@angular/router';

/**
 * Reports (under /reports, 'reports.read'): the caller's dashboard, the drill-down department → unit → school →
 * class (→ the class's pupils on the gradebook's results page), the comparison of schools and the official
 * statistical reports.
 */
export const REPORTING_ROUTES: Routes = [];
