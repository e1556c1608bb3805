import { MessageCatalogue } from '@emis/api/platform';

/** The words of the reports, Vietnamese first; registered with platform's message lookup by the app. */
export const REPORTING_MESSAGES: MessageCatalogue = {
  problems: {},
  rules: {},
  fields: {},
};
