import { TranslationOf } from '@emis/web/core';

/** Texts of transfers between schools and the annual inventory (under 'assets.operations…'). */
export const operationsVi = {
  title: 'Luân chuyển và kiểm kê',
};

export const operationsEn: TranslationOf<typeof operationsVi> = {
  title: 'Transfers and inventory',
};
