import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { Qualification, StaffDetail, StaffInput } from '@emis/contracts';
import {
  CONTRACT_TYPES,
  ContractType,
  Gender,
  isEthnicityCode,
  isValidFullName,
  isVietnamesePhone,
  parsePersonalId,
  QUALIFICATION_LEVELS,
  QualificationLevel,
  STAFF_POSITIONS,
  StaffPosition,
  StaffStatus,
} from '@emis/domain';

function personalIdFormat(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (value === '') return null;
  const parsed = parsePersonalId(value);
  return parsed.ok ? null : { [parsed.error === 'format' ? 'personalIdFormat' : 'personalIdProvince']: true };
}

function phone(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || isVietnamesePhone(control.value) ? null : { phone: true };
}

function fullName(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim().replace(/\s+/g, ' ');
  return value === '' || isValidFullName(value) ? null : { fullName: true };
}

function ethnicity(control: AbstractControl<string>): ValidationErrors | null {
  return isEthnicityCode(control.value) ? null : { ethnicity: true };
}

/**
 * The personal ID encodes the birth year and gender (Circular 59/2021/TT-BCA Art. 7): they must agree with the
 * date of birth and gender entered, the same cross-check the API makes (rule personalIdMismatch).
 */
export function personalIdMismatch(group: AbstractControl): ValidationErrors | null {
  const form = group as StaffForm;
  const parsed = parsePersonalId(form.controls.personalId.value.trim());
  const dob = form.controls.dateOfBirth.value;
  if (!parsed.ok || !/^\d{4}-/.test(dob)) return null;
  const matches =
    parsed.info.birthYear === Number(dob.slice(0, 4)) && parsed.info.gender === form.controls.gender.value;
  return matches ? null : { personalIdMismatch: true };
}

export function qualificationGroup(q?: Qualification) {
  return new FormGroup({
    level: new FormControl<QualificationLevel>(q?.level ?? 'BACHELOR', { nonNullable: true }),
    major: new FormControl(q?.major ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    institution: new FormControl(q?.institution ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    year: new FormControl<number | null>(q?.year ?? null, {
      validators: [Validators.required, Validators.min(1950), Validators.max(2100)],
    }),
  });
}

export function createStaffForm() {
  const text = (max: number, ...v: ((c: AbstractControl<string>) => ValidationErrors | null)[]) =>
    new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...v] });
  return new FormGroup(
    {
      personalId: text(12, Validators.required, personalIdFormat),
      fullName: text(100, Validators.required, fullName),
      dateOfBirth: text(10, Validators.required),
      gender: new FormControl<Gender>('FEMALE', { nonNullable: true }),
      ethnicity: new FormControl('01', { nonNullable: true, validators: [ethnicity] }),
      phone: text(20, phone),
      email: text(200, Validators.email),
      position: new FormControl<StaffPosition>('TEACHER', { nonNullable: true }),
      contractType: new FormControl<ContractType>('CIVIL_SERVANT', { nonNullable: true }),
      rankCode: text(20),
      salaryCoefficient: new FormControl<number | null>(null, { validators: [Validators.min(1), Validators.max(10)] }),
      salaryStep: new FormControl<number | null>(null, { validators: [Validators.min(1), Validators.max(12)] }),
      startDate: text(10, Validators.required),
      partyMember: new FormControl(false, { nonNullable: true }),
      unionMember: new FormControl(false, { nonNullable: true }),
      status: new FormControl<StaffStatus>('ACTIVE', { nonNullable: true }),
      subjects: new FormControl<string[]>([], { nonNullable: true }),
      qualifications: new FormArray<ReturnType<typeof qualificationGroup>>([]),
    },
    { validators: [personalIdMismatch] },
  );
}

export type StaffForm = ReturnType<typeof createStaffForm>;

export function fillForm(form: StaffForm, s: StaffDetail): void {
  form.controls.qualifications.clear();
  for (const q of s.qualifications) form.controls.qualifications.push(qualificationGroup(q));
  form.reset({
    personalId: s.personalId,
    fullName: s.fullName,
    dateOfBirth: s.dateOfBirth.slice(0, 10),
    gender: s.gender,
    ethnicity: s.ethnicity,
    phone: s.phone ?? '',
    email: s.email ?? '',
    position: s.position,
    contractType: s.contractType,
    rankCode: s.rankCode ?? '',
    salaryCoefficient: s.salaryCoefficient,
    salaryStep: s.salaryStep,
    startDate: s.startDate.slice(0, 10),
    partyMember: s.partyMember ?? false,
    unionMember: s.unionMember ?? false,
    status: s.status === 'TRANSFERRED' ? 'ACTIVE' : s.status,
    subjects: s.subjects,
    qualifications: s.qualifications,
  });
}

export function toInput(form: StaffForm): StaffInput {
  const v = form.getRawValue();
  const orNull = (text: string) => text.trim() || null;
  return {
    personalId: v.personalId.trim(),
    fullName: v.fullName.trim().replace(/\s+/g, ' '),
    dateOfBirth: v.dateOfBirth,
    gender: v.gender,
    ethnicity: v.ethnicity,
    phone: v.phone.trim() ? v.phone.replace(/[\s.-]/g, '') : null,
    email: orNull(v.email),
    position: v.position,
    contractType: v.contractType,
    rankCode: orNull(v.rankCode),
    salaryCoefficient: v.salaryCoefficient ?? null,
    salaryStep: v.salaryStep ?? null,
    qualifications: v.qualifications.map((q) => ({
      level: q.level,
      major: q.major.trim(),
      institution: q.institution.trim(),
      year: Number(q.year),
    })),
    subjects: v.subjects,
    startDate: v.startDate,
    partyMember: v.partyMember,
    unionMember: v.unionMember,
  };
}

/** Fields filled by choosing from a list: left empty, they say "Vui lòng chọn", not "Vui lòng nhập". */
const CHOICE_FIELDS = new Set(['gender', 'ethnicity', 'position', 'contractType', 'status', 'level']);

/** The translation key for a control's first failed rule (under staff.form.errors). */
export function ruleKey(errors: ValidationErrors, field = ''): string {
  if (errors['required'] && CHOICE_FIELDS.has(field.split('.').pop() ?? '')) return 'staff.form.errors.requiredChoice';
  // 'date' first: text that is no date leaves the control empty (required) as well.
  const order = [
    'date',
    'required',
    'personalIdFormat',
    'personalIdProvince',
    'fullName',
    'phone',
    'email',
    'ethnicity',
    'min',
    'max',
    'maxlength',
  ];
  return `staff.form.errors.${order.find((rule) => errors[rule]) ?? 'invalid'}`;
}

export const POSITIONS = STAFF_POSITIONS;
export const CONTRACTS = CONTRACT_TYPES;
export const LEVELS = QUALIFICATION_LEVELS;
