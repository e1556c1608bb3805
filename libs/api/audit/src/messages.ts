import { MessageCatalogue } from '@emis/api/platform';

/** The words of the audit log, Vietnamese first; registered with platform's message lookup by the app. */
export const AUDIT_MESSAGES: MessageCatalogue = {
  problems: {
    read_budget_exceeded: {
      vi: 'Bạn đã xem dữ liệu cá nhân của quá nhiều người trong thời gian ngắn; yêu cầu bị từ chối và quản trị viên Sở đã được báo',
      en: "You have viewed too many people's personal data in a short time; the request is refused and the department's administrator has been alerted",
    },
    export_limit_exceeded: {
      vi: 'Bạn đã xuất dữ liệu cá nhân quá số lần cho phép trong ngày; quản trị viên Sở đã được báo',
      en: "You have exported personal data more times than a day allows; the department's administrator has been alerted",
    },
  },
  fields: {
    entity: { vi: 'Loại dữ liệu', en: 'Entity' },
  },
};
