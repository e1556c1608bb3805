import { TranslationOf } from '@emis/web/core';
import { operationsEn, operationsVi } from './operations';
import { registerEn, registerVi } from './register';

/**
 * Texts of the asset pages (library @emis/web/assets), under the key 'assets'. The app imports them through
 * @emis/web/assets/i18n, a project of its own (web-assets-i18n), so the words ship in the main bundle while the
 * library stays lazy-loaded. Two files, one per area of the library.
 */
export const assetsVi = {
  title: 'Tài sản công',
  register: registerVi,
  operations: operationsVi,
};

export const assetsEn: TranslationOf<typeof assetsVi> = {
  title: 'Public assets',
  register: registerEn,
  operations: operationsEn,
};
