/**
 * Events the staff context publishes through the outbox (docs/adr/table-ownership-and-events.md). Other contexts
 * react to them instead of writing staff's consequences into their own tables from here.
 */

/** A person stopped working at a school: transferred to another school by a department decision, or retired. */
export const STAFF_LEFT_SCHOOL = 'staff.left-school';

export interface StaffLeftSchool {
  staffId: string;
  /** The status the record at the school now has. */
  status: 'TRANSFERRED' | 'RETIRED';
  /** The day the person left (the decision's effective date, or the day the status was saved). */
  effectiveOn: string;
  /** The receiving school of a transfer. */
  toSchoolId?: string;
}
