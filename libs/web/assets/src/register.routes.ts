import { Routes } from '@angular/router';

/** The register: list, asset record, new, edit, import, labels, wear, the province's configuration. */
export const REGISTER_ROUTES: Routes = [];
