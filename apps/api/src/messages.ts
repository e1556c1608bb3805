import { ACADEMIC_MESSAGES } from '@emis/api/academic';
import { ASSETS_MESSAGES } from '@emis/api/assets';
import { AUDIT_MESSAGES } from '@emis/api/audit';
import { FINANCE_MESSAGES } from '@emis/api/finance';
import { GRADING_MESSAGES } from '@emis/api/grading';
import { ACCOUNTS_MESSAGES, IDENTITY_MESSAGES } from '@emis/api/identity';
import { PEOPLE_MESSAGES } from '@emis/api/people';
import { MessageCatalogue, registerMessages } from '@emis/api/platform';
import { REPORTING_MESSAGES } from '@emis/api/reporting';
import { STAFF_MESSAGES } from '@emis/api/staff';
import { TENANCY_MESSAGES } from '@emis/api/tenancy';
import { SPREADSHEETS_MESSAGES } from '@emis/api/spreadsheets';

/** Every context's words (platform holds the generic ones itself). A new context adds its catalogue here. */
export const API_MESSAGES: readonly MessageCatalogue[] = [
  TENANCY_MESSAGES,
  IDENTITY_MESSAGES,
  ACCOUNTS_MESSAGES,
  AUDIT_MESSAGES,
  PEOPLE_MESSAGES,
  ACADEMIC_MESSAGES,
  STAFF_MESSAGES,
  SPREADSHEETS_MESSAGES,
  GRADING_MESSAGES,
  REPORTING_MESSAGES,
  ASSETS_MESSAGES,
  FINANCE_MESSAGES,
];

/** Called by createApp: problem titles, field-rule messages and field labels of every context, in both languages. */
export function registerApiMessages(): void {
  registerMessages(...API_MESSAGES);
}
