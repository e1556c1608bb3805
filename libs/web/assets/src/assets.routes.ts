import { Routes } from '@angular/router';
import { OPERATIONS_ROUTES } from './operations.routes';
import { REGISTER_ROUTES } from './register.routes';

/**
 * Public assets of the current school: the register, labels and wear (register.routes.ts); moves, transfers and
 * the annual inventory (operations.routes.ts). Fixed paths come before the register's ':assetId'.
 */
export const ASSETS_ROUTES: Routes = [...OPERATIONS_ROUTES, ...REGISTER_ROUTES];
