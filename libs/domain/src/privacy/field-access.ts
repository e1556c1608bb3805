import type { Role } from '../identity/roles';

/**
 * Need-to-know inside a school (docs/domain/personal-data.md, "Who sees which fields"): the fields of a pupil's and
 * a staff member's record in groups, and for each role — and, for a teacher, their relation to the pupil — whether a
 * group is shown, masked or withheld. Law 91/2025/QH15 on personal data protection and Decree 356/2025/NĐ-CP make
 * ethnic origin, religion, health and disability *sensitive* personal data: processed only as far as the purpose
 * needs, by those who need it, each access logged. The API applies this table to every record it returns and the web
 * reads the same table to hide what the API withheld.
 */

/** How a group of fields reaches a reader: in full, masked (identity numbers only), or not at all (absent from the JSON). */
export type FieldAccess = 'VISIBLE' | 'MASKED' | 'WITHHELD';

/**
 * The groups of a pupil's record. Always shown to whoever may see the pupil at all: name, date of birth, gender,
 * nationality, status, class and history — what a class list, a grade sheet or a fee line names a pupil by.
 */
export const STUDENT_FIELD_GROUPS = {
  /** The personal identification number (mã định danh cá nhân): the key to the pupil in every national register. */
  identityNumber: ['personalId'],
  /** Where the pupil lives and was born. */
  address: ['placeOfBirth', 'permanentAddress', 'currentAddress'],
  /** Parents and guardians with their phones, occupations and years of birth. */
  guardians: ['guardians'],
  /** Sensitive (Decree 356/2025/NĐ-CP): ethnic origin and religion. */
  ethnicityReligion: ['ethnicity', 'religion'],
  /** Sensitive (Decree 356/2025/NĐ-CP): health — the kind of disability. */
  disability: ['disability'],
  /**
   * Sensitive by what it reveals: a policy group names a poor household, an ethnic minority, a disability, an orphan.
   * Needed for fees: exemption and reduction follow the policy groups (docs/domain/finance.md).
   */
  policyGroups: ['policyGroups'],
} as const;
export type StudentFieldGroup = keyof typeof STUDENT_FIELD_GROUPS;
export type StudentGroupedField = (typeof STUDENT_FIELD_GROUPS)[StudentFieldGroup][number];

/** The groups that are sensitive personal data under Decree 356/2025/NĐ-CP (directly or by what they reveal). */
export const SENSITIVE_STUDENT_GROUPS: readonly StudentFieldGroup[] = [
  'ethnicityReligion',
  'disability',
  'policyGroups',
];

/** The groups of a staff member's record; name, position, subjects, contract and status are always shown. */
export const STAFF_FIELD_GROUPS = {
  identityNumber: ['personalId'],
  contact: ['phone', 'email'],
  /** Sensitive (Decree 356/2025/NĐ-CP): ethnic origin. */
  ethnicity: ['ethnicity'],
  /** Rank, salary coefficient and step: what payroll needs. */
  pay: ['rankCode', 'salaryCoefficient', 'salaryStep'],
  /** Party and union membership: political opinion and association, shown only to those who keep the personnel file. */
  memberships: ['partyMember', 'unionMember'],
} as const;
export type StaffFieldGroup = keyof typeof STAFF_FIELD_GROUPS;
export type StaffGroupedField = (typeof STAFF_FIELD_GROUPS)[StaffFieldGroup][number];

/**
 * How a reader stands to a pupil. A school-wide role (principal, accountant) and the department's and units' roles
 * read any pupil in their scope (`SCOPE`); a teacher reads only pupils of classes they lead (`HOMEROOM`) or teach
 * (`TEACHES`), and a pupil of neither is `NONE`: not found, as another school's pupil is.
 */
export type PupilRelation = 'SCOPE' | 'HOMEROOM' | 'TEACHES' | 'NONE';

type StudentAccess = Readonly<Record<StudentFieldGroup, FieldAccess>>;

const ALL_VISIBLE: StudentAccess = {
  identityNumber: 'VISIBLE',
  address: 'VISIBLE',
  guardians: 'VISIBLE',
  ethnicityReligion: 'VISIBLE',
  disability: 'VISIBLE',
  policyGroups: 'VISIBLE',
};

const NOTHING: StudentAccess = {
  identityNumber: 'WITHHELD',
  address: 'WITHHELD',
  guardians: 'WITHHELD',
  ethnicityReligion: 'WITHHELD',
  disability: 'WITHHELD',
  policyGroups: 'WITHHELD',
};

/**
 * Who needs what of a pupil's record:
 * - the school's administrator keeps the records (enrols, corrects, transfers, reports): everything;
 * - the department and its units check the schools' records and statistical reports (counts by ethnicity,
 *   disability and policy group, each pupil by their personal ID in the national database): everything but the
 *   guardians, whom only the school calls;
 * - the accountant bills: the personal ID (a pupil's payment code is built from it), the policy groups (exemption and
 *   reduction), the guardians (whom to call about fees); no address, ethnicity, religion or disability;
 * - a homeroom teacher leads the class and talks with the families: the guardians and the address, no ID number and
 *   no sensitive field;
 * - a subject teacher teaches: name, birth date, class — nothing else.
 */
const STUDENT_ACCESS: Record<Role, Partial<Record<PupilRelation, StudentAccess>>> = {
  SCHOOL_ADMIN: { SCOPE: ALL_VISIBLE },
  DEPARTMENT_ADMIN: { SCOPE: { ...ALL_VISIBLE, guardians: 'WITHHELD' } },
  DEPARTMENT_OFFICER: { SCOPE: { ...ALL_VISIBLE, guardians: 'WITHHELD' } },
  UNIT_OFFICER: { SCOPE: { ...ALL_VISIBLE, guardians: 'WITHHELD' } },
  ACCOUNTANT: { SCOPE: { ...NOTHING, identityNumber: 'VISIBLE', guardians: 'VISIBLE', policyGroups: 'VISIBLE' } },
  TEACHER: {
    HOMEROOM: { ...NOTHING, address: 'VISIBLE', guardians: 'VISIBLE' },
    TEACHES: NOTHING,
  },
};

/** The relation a role has to every pupil it may see; a teacher's depends on the pupil's classes. */
export function roleReadsWholeScope(role: Role): boolean {
  return role !== 'TEACHER';
}

/** What `role`, standing in `relation` to a pupil, sees of the pupil's full record. */
export function studentFieldAccess(role: Role, relation: PupilRelation): StudentAccess {
  return STUDENT_ACCESS[role][relation] ?? NOTHING;
}

/**
 * What a list shows: identity numbers masked (a list is what a bulk extraction pages through), in full only when the
 * role may see them and the reader asked (`reveal`, audited). Sensitive groups follow the record's rule.
 */
export function studentListAccess(role: Role, relation: PupilRelation, reveal: boolean): StudentAccess {
  const record = studentFieldAccess(role, relation);
  return { ...record, identityNumber: listIdentity(record.identityNumber, reveal) };
}

/** Whether `role` may ask a list for identity numbers in full (`?reveal=personalId`). */
export function mayRevealStudentIds(role: Role): boolean {
  return studentFieldAccess(role, roleReadsWholeScope(role) ? 'SCOPE' : 'HOMEROOM').identityNumber === 'VISIBLE';
}

type StaffAccess = Readonly<Record<StaffFieldGroup, FieldAccess>>;

/**
 * Who needs what of a staff record (only roles with `staff.read`; teachers have none): the school's administrator and
 * the department's and units' roles keep the personnel file and decide transfers: everything; the accountant pays:
 * the ID number (tax and social insurance declarations), contacts and pay, not ethnicity nor memberships.
 */
const STAFF_ACCESS: Record<Role, StaffAccess> = {
  SCHOOL_ADMIN: {
    identityNumber: 'VISIBLE',
    contact: 'VISIBLE',
    ethnicity: 'VISIBLE',
    pay: 'VISIBLE',
    memberships: 'VISIBLE',
  },
  DEPARTMENT_ADMIN: {
    identityNumber: 'VISIBLE',
    contact: 'VISIBLE',
    ethnicity: 'VISIBLE',
    pay: 'VISIBLE',
    memberships: 'VISIBLE',
  },
  DEPARTMENT_OFFICER: {
    identityNumber: 'VISIBLE',
    contact: 'VISIBLE',
    ethnicity: 'VISIBLE',
    pay: 'VISIBLE',
    memberships: 'VISIBLE',
  },
  UNIT_OFFICER: {
    identityNumber: 'VISIBLE',
    contact: 'VISIBLE',
    ethnicity: 'VISIBLE',
    pay: 'VISIBLE',
    memberships: 'VISIBLE',
  },
  ACCOUNTANT: {
    identityNumber: 'VISIBLE',
    contact: 'VISIBLE',
    ethnicity: 'WITHHELD',
    pay: 'VISIBLE',
    memberships: 'WITHHELD',
  },
  TEACHER: {
    identityNumber: 'WITHHELD',
    contact: 'WITHHELD',
    ethnicity: 'WITHHELD',
    pay: 'WITHHELD',
    memberships: 'WITHHELD',
  },
};

export function staffFieldAccess(role: Role): StaffAccess {
  return STAFF_ACCESS[role];
}

/** A staff list masks identity numbers like a pupil list, unless the role may see them and asked. */
export function staffListAccess(role: Role, reveal: boolean): StaffAccess {
  const record = staffFieldAccess(role);
  return { ...record, identityNumber: listIdentity(record.identityNumber, reveal) };
}

export function mayRevealStaffIds(role: Role): boolean {
  return staffFieldAccess(role).identityNumber === 'VISIBLE';
}

function listIdentity(onRecord: FieldAccess, reveal: boolean): FieldAccess {
  if (onRecord !== 'VISIBLE') return onRecord;
  return reveal ? 'VISIBLE' : 'MASKED';
}

/** The groups a reader is shown (in full or masked): what a VIEW audit row names. */
export function shownGroups<G extends string>(access: Readonly<Record<G, FieldAccess>>): G[] {
  return (Object.keys(access) as G[]).filter((g) => access[g] !== 'WITHHELD');
}

/** The sensitive groups among those shown: a view that returns any of them is audited even from a list. */
export function shownSensitiveGroups(access: StudentAccess): StudentFieldGroup[] {
  return SENSITIVE_STUDENT_GROUPS.filter((g) => access[g] !== 'WITHHELD');
}

const MASK = '•';
/** Digits kept at each end: the first four (province of birth, century and gender) and the last three. */
const KEPT_HEAD = 4;
const KEPT_TAIL = 3;

/**
 * An identity number with its middle hidden, `034188001789` → `0341•••••789`: enough for a person to tell two pupils
 * apart on a screen, too little to use the number elsewhere (its birth year and most of its serial are gone).
 * Anything too short to keep both ends is hidden whole.
 */
export function maskPersonalId(id: string): string {
  if (id.length <= KEPT_HEAD + KEPT_TAIL) return MASK.repeat(id.length);
  return `${id.slice(0, KEPT_HEAD)}${MASK.repeat(id.length - KEPT_HEAD - KEPT_TAIL)}${id.slice(-KEPT_TAIL)}`;
}

/**
 * `record` as `access` lets it out: the fields of withheld groups removed, the identity number masked when the group
 * is masked. `groups` names the fields of each group; fields outside every group pass unchanged.
 */
export function applyFieldAccess<T extends object, G extends string>(
  record: T,
  groups: Readonly<Record<G, readonly string[]>>,
  access: Readonly<Record<G, FieldAccess>>,
): T {
  const out = { ...record } as Record<string, unknown>;
  for (const group of Object.keys(groups) as G[]) {
    for (const field of groups[group]) {
      if (!(field in out)) continue;
      if (access[group] === 'WITHHELD') delete out[field];
      else if (access[group] === 'MASKED' && typeof out[field] === 'string') out[field] = maskPersonalId(out[field]);
    }
  }
  return out as T;
}
