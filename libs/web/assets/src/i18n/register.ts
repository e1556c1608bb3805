import { TranslationOf } from '@emis/web/core';

/** Texts of the register, its record, labels, import and wear pages (under 'assets.register…'). */
export const registerVi = {
  title: 'Tài sản',
};

export const registerEn: TranslationOf<typeof registerVi> = {
  title: 'Assets',
};
