import type { Qualification } from '@emis/contracts';
import { ContractType, Gender, StaffPosition } from '@emis/domain';
import { CONTRACT_LABELS, FieldReader, POSITION_LABELS, QUALIFICATION_LABELS, RowDraft } from '@emis/api/spreadsheets';

export interface StaffRow {
  row: number;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  phone: string | null;
  email: string | null;
  position: StaffPosition;
  contractType: ContractType;
  rankCode: string | null;
  salaryCoefficient: number | null;
  salaryStep: number | null;
  qualification: Qualification | null;
  subjects: string[];
  startDate: string;
}

const QUALIFICATION_KEYS = ['qualificationLevel', 'major', 'institution', 'graduationYear'] as const;

/**
 * Every field of the row, each bad cell recorded: a draft whose bad fields are null, so the duplicate and school
 * checks run on it too. `subjectCode` finds a subject of the catalogue by its name or code.
 */
export function readStaffRow(r: FieldReader, subjectCode: (word: string) => string | undefined): RowDraft<StaffRow> {
  const dateOfBirth = r.date('dateOfBirth', true);
  const gender = r.gender('gender');
  return {
    row: r.row,
    personalId: r.personalId('personalId', dateOfBirth, gender),
    fullName: r.fullName('fullName'),
    dateOfBirth,
    gender,
    ethnicity: r.ethnicity('ethnicity'),
    phone: r.phone('phone'),
    email: email(r),
    position: r.choice('position', POSITION_LABELS, true),
    contractType: r.choice('contractType', CONTRACT_LABELS, true),
    rankCode: rankCode(r),
    salaryCoefficient: r.number('salaryCoefficient', { min: 1, max: 10, decimals: 2 }),
    salaryStep: r.number('salaryStep', { min: 1, max: 12, decimals: 0 }),
    qualification: qualification(r),
    subjects: r.list('subjects', subjectCode, 'môn học'),
    startDate: startDate(r, dateOfBirth),
  };
}

function email(r: FieldReader): string | null {
  const text = r.text('email');
  if (text === null) return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text.toLowerCase() : r.fail('email', 'Email không đúng định dạng');
}

function rankCode(r: FieldReader): string | null {
  const text = r.text('rankCode');
  if (text === null) return null;
  return /^[A-Za-z0-9.]{2,20}$/.test(text)
    ? text.toUpperCase()
    : r.fail('rankCode', 'Mã ngạch chỉ gồm chữ, số và dấu chấm (ví dụ V.07.04.32)');
}

/** The highest qualification: the four columns go together. */
function qualification(r: FieldReader): Qualification | null {
  if (!QUALIFICATION_KEYS.some((key) => r.has(key))) return null;
  const level = r.choice('qualificationLevel', QUALIFICATION_LABELS, true);
  const major = r.text('major', true);
  const institution = r.text('institution', true);
  const year = r.has('graduationYear')
    ? r.number('graduationYear', { min: 1950, max: new Date().getFullYear(), decimals: 0 })
    : r.fail('graduationYear', 'Bắt buộc nhập khi có trình độ');
  return level && major && institution && year ? { level, major, institution, year } : null;
}

function startDate(r: FieldReader, dateOfBirth: string | null): string | null {
  const date = r.date('startDate', true);
  if (date && dateOfBirth && date <= dateOfBirth) return r.fail('startDate', 'Ngày vào ngành phải sau ngày sinh');
  return date;
}
