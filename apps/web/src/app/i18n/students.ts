import { TranslationOf } from '@emis/web/core';

/**
 * Texts of the students pages (library @emis/web/students), under the key 'students' (e.g. 'students.title'). Kept beside the
 * app's other texts because the library itself is lazy-loaded.
 */
export const studentsVi = {
  title: '',
};

export const studentsEn: TranslationOf<typeof studentsVi> = {
  title: '',
};
