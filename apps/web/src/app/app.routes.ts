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
      path: 'audit',
      canMatch: [requirePermission('audit.read')],
      loadChildren: () => import('@emis/web/schools').then((m) => m.AUDIT_ROUTES),
    },
  ]),
];
