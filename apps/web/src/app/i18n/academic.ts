import { TranslationOf } from '@emis/web/core';

/**
 * Texts of the academic pages (library @emis/web/academic), under the key 'academic' (e.g. 'academic.title'). Kept beside the
 * app's other texts because the library itself is lazy-loaded.
 */
export const academicVi = {
  title: '',
};

export const academicEn: TranslationOf<typeof academicVi> = {
  title: '',
};
