export * from './provide-emis-core';
export * from './auth/auth.store';
export * from './auth/auth.guards';
export * from './http/problem';
export * from './http/request-context';
export * from './http/query-params';
export * from './org/org-unit.context';
export * from './i18n/language.service';
// The app's date and number formats live with the presentational pieces (web/ui); features keep finding them here.
export { formatEmisDate, type DateStyle, formatEmisNumber, EmisDatePipe, EmisNumberPipe } from '@emis/web/ui';
export * from './data/load-on-change';
export * from './ui/problem-alert.component';
export * from './org/org-units.api';
export * from './i18n/translation-shape';
export * from './ui/school-required.component';
export * from './imports/imports.api';
export * from './imports/import-panel.component';
export * from './auth/second-factor';
export { type SignOutNotice } from './auth/unauthorized';
