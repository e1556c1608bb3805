import { ageOn, DisabilityKind, Gender, PolicyGroup, SCHOOL_AGE, todayInVietnam } from '@emis/domain';
import type { Guardian } from '@emis/contracts';
import {
  codeOfLabel,
  DISABILITY_LABELS,
  FieldReader,
  labelKey,
  POLICY_GROUP_LABELS,
  RowDraft,
} from '@emis/api/spreadsheets';

/** A student row of the file, typed and checked on its own (checks against the file and the school come later). */
export interface StudentRow {
  row: number;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  religion: string | null;
  nationality: string;
  placeOfBirth: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  className: string | null;
  policyGroups: PolicyGroup[];
  disability: DisabilityKind | null;
  guardians: Guardian[];
}

/**
 * Every field of the row, each bad cell recorded: a draft whose bad fields are null, so the checks against the file
 * and the school (duplicate ids, classes) run on it too and the clerk sees every error at once.
 */
export function readStudentRow(r: FieldReader): RowDraft<StudentRow> {
  const dateOfBirth = schoolAge(r, r.date('dateOfBirth', true));
  const gender = r.gender('gender');
  return {
    row: r.row,
    personalId: r.personalId('personalId', dateOfBirth, gender),
    fullName: r.fullName('fullName'),
    dateOfBirth,
    gender,
    ethnicity: r.ethnicity('ethnicity'),
    religion: r.text('religion'),
    nationality: nationality(r),
    placeOfBirth: r.text('placeOfBirth'),
    permanentAddress: r.text('permanentAddress'),
    currentAddress: r.text('currentAddress'),
    className: r.text('className'),
    policyGroups: r.list('policyGroups', (w) => codeOfLabel(POLICY_GROUP_LABELS, w), 'đối tượng chính sách'),
    disability: r.choice('disability', DISABILITY_LABELS),
    guardians: guardians(r),
  };
}

function schoolAge(r: FieldReader, dateOfBirth: string | null): string | null {
  if (!dateOfBirth) return null;
  const age = ageOn(dateOfBirth, todayInVietnam());
  return age >= SCHOOL_AGE.min && age <= SCHOOL_AGE.max
    ? dateOfBirth
    : r.fail('dateOfBirth', `Tuổi ngoài khoảng ${SCHOOL_AGE.min}–${SCHOOL_AGE.max}`);
}

/** 'VN' for Việt Nam (and an empty cell); otherwise an ISO 3166 two-letter code. */
function nationality(r: FieldReader): string | null {
  const text = r.text('nationality');
  if (text === null) return r.has('nationality') ? null : 'VN';
  if (['việt nam', 'viet nam', 'vn'].includes(labelKey(text))) return 'VN';
  return /^[A-Za-z]{2}$/.test(text)
    ? text.toUpperCase()
    : r.fail('nationality', 'Ghi "Việt Nam" hoặc mã quốc gia 2 chữ cái (ví dụ LA, KH)');
}

/**
 * The father and the mother, each from a name and a phone. A phone without a name, as clerks' lists often have it, is
 * kept as a contact whose relation is UNKNOWN (docs/domain/records.md, "Guardians"): the column it sits in does not
 * say who answers that phone.
 */
function guardians(r: FieldReader): Guardian[] | null {
  const out: Guardian[] = [];
  let ok = true;
  for (const [relation, nameKey, phoneKey] of [
    ['FATHER', 'fatherName', 'fatherPhone'],
    ['MOTHER', 'motherName', 'motherPhone'],
  ] as const) {
    const fullName = r.text(nameKey);
    const phone = r.phone(phoneKey);
    if ((r.has(nameKey) && fullName === null) || (r.has(phoneKey) && phone === null)) ok = false;
    else if (fullName) out.push({ relation, fullName, phone, occupation: null, birthYear: null });
    else if (phone) out.push({ relation: 'UNKNOWN', fullName: null, phone, occupation: null, birthYear: null });
  }
  return ok ? out : null;
}
