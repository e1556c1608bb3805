import { TranslationOf } from '@emis/web/core';

/** Texts of the gradebook pages (library @emis/web/grading), under the key 'grading'. */
export const gradingVi = {
  title: 'Sổ điểm',
};

export const gradingEn: TranslationOf<typeof gradingVi> = {
  title: 'Gradebook',
};
