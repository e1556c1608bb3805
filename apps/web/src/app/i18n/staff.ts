import { TranslationOf } from '@emis/web/core';

/**
 * Texts of the staff pages (library @emis/web/staff), under the key 'staff' (e.g. 'staff.title'). Kept beside the
 * app's other texts because the library itself is lazy-loaded.
 */
export const staffVi = {
  title: '',
};

export const staffEn: TranslationOf<typeof staffVi> = {
  title: '',
};
