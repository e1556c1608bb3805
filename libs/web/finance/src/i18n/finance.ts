import { TranslationOf } from '@emis/web/core';
import { collectionEn, collectionVi } from './collection';
import { moneyEn, moneyVi } from './money';

/**
 * Texts of the finance pages (library @emis/web/finance), under the key 'finance'. The app imports them through
 * @emis/web/finance/i18n, a project of its own (web-finance-i18n), so the words ship in the main bundle while the
 * library stays lazy-loaded. Two files, one per area of the library.
 */
export const financeVi = {
  title: 'Tài chính',
  collection: collectionVi,
  money: moneyVi,
};

export const financeEn: TranslationOf<typeof financeVi> = {
  title: 'Finance',
  collection: collectionEn,
  money: moneyEn,
};
