import { TranslationOf } from '@emis/web/core';

/**
 * Texts of the report pages (library @emis/web/reporting), under the key 'reporting'. The app imports them through
 * @emis/web/reporting/i18n, a project of its own (web-reporting-i18n) holding only this file.
 */
export const reportingVi = {
  title: 'Báo cáo thống kê',
};

export const reportingEn: TranslationOf<typeof reportingVi> = {
  title: 'Reports',
};
