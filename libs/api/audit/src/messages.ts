import { MessageCatalogue } from '@emis/api/platform';

/** The words of the audit log, Vietnamese first; registered with platform's message lookup by the app. */
export const AUDIT_MESSAGES: MessageCatalogue = {
  fields: {
    entity: { vi: 'Loại dữ liệu', en: 'Entity' },
  },
};
