import { MessageCatalogue } from '@emis/api/platform';

/**
 * The words of public assets, Vietnamese first; registered with platform's message lookup by the app. Each part of
 * the context keeps its own block, under its heading, in each of the three tables, so that additions never meet.
 */
export const ASSETS_MESSAGES: MessageCatalogue = {
  problems: {
    // — part B: register —

    // — part A: wear —

    // — part C: excel and print —

    // — part D: movements and inventory —

    // — part H: reporting —
  },
  rules: {
    // — part B: register —

    // — part A: wear —

    // — part C: excel and print —

    // — part D: movements and inventory —

    // — part H: reporting —
  },
  fields: {
    // — part B: register —

    // — part A: wear —

    // — part C: excel and print —

    // — part D: movements and inventory —

    // — part H: reporting —
  },
};
