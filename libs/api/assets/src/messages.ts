import { MessageCatalogue } from '@emis/api/platform';

/** The words of public assets, Vietnamese first; registered with platform's message lookup by the app. */
export const ASSETS_MESSAGES: MessageCatalogue = {
  problems: {},
  rules: {},
  fields: {},
};
