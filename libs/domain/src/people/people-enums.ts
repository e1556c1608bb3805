/** Student status (trạng thái học sinh). */
export const STUDENT_STATUSES = ['STUDYING', 'TRANSFERRED_OUT', 'DROPPED_OUT', 'GRADUATED'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const GENDERS = ['MALE', 'FEMALE'] as const;

/** Policy-beneficiary groups (đối tượng chính sách) used in the department's statistics. */
export const POLICY_GROUPS = [
  'POOR_HOUSEHOLD',
  'NEAR_POOR_HOUSEHOLD',
  'ETHNIC_MINORITY_DISADVANTAGED',
  'ORPHAN',
  'DISABILITY',
  'WAR_INVALID_CHILD',
  'MARTYR_CHILD',
] as const;
export type PolicyGroup = (typeof POLICY_GROUPS)[number];

export const DISABILITY_KINDS = [
  'MOBILITY',
  'HEARING',
  'VISUAL',
  'INTELLECTUAL',
  'SPEECH',
  'AUTISM',
  'MULTIPLE',
  'OTHER',
] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];

/**
 * UNKNOWN: a contact phone a school's list gives without the person's name, so who answers it is not known
 * (docs/domain/records.md, "Guardians"); only such a contact may lack a name.
 */
export const GUARDIAN_RELATIONS = ['FATHER', 'MOTHER', 'GUARDIAN', 'UNKNOWN'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
/** The relations a guardian entered on screen may have: there the person is named, so the relation is known. */
export const NAMED_GUARDIAN_RELATIONS = ['FATHER', 'MOTHER', 'GUARDIAN'] as const satisfies readonly GuardianRelation[];

/** Year-end decision per student (Circular 22/2021 Art. 12; primary Circular 27/2020 Art. 11). */
export const YEAR_OUTCOMES = ['PROMOTED', 'REPEAT', 'GRADUATED'] as const;
export type YearOutcome = (typeof YEAR_OUTCOMES)[number];

export const ATTENDANCE_STATUSES = ['PRESENT', 'EXCUSED', 'UNEXCUSED', 'LATE'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const TRANSFER_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Staff. */
export const STAFF_POSITIONS = ['PRINCIPAL', 'VICE_PRINCIPAL', 'TEACHER', 'STAFF'] as const;
export type StaffPosition = (typeof STAFF_POSITIONS)[number];

/** Biên chế (civil servant, viên chức) or hợp đồng (contract). */
export const CONTRACT_TYPES = ['CIVIL_SERVANT', 'CONTRACT'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const STAFF_STATUSES = ['ACTIVE', 'LEAVE', 'RETIRED', 'TRANSFERRED'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const QUALIFICATION_LEVELS = ['INTERMEDIATE', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];
