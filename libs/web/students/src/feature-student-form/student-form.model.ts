import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { Guardian, StudentDetail, StudentInput } from '@emis/contracts';
import {
  DISABILITY_KINDS,
  DisabilityKind,
  NAMED_GUARDIAN_RELATIONS,
  GuardianRelation,
  isEthnicityCode,
  isVietnamesePhone,
  parsePersonalId,
  personalIdMatches,
  POLICY_GROUPS,
  PolicyGroup,
  todayInVietnam,
} from '@emis/domain';

/** Four guardians cover father, mother and two others; the record form of the Ministry's database has as many. */
export const MAX_GUARDIANS = 4;
export const DEFAULT_ETHNICITY = '01';
/** ISO 3166-1 alpha-2, as the API stores it. */
export const DEFAULT_NATIONALITY = 'VN';
const FIRST_BIRTH_YEAR = 1920;

/** 12 digits and a province code in use, the same rule as the API's (Circular 59/2021/TT-BCA Art. 7). */
function personalIdFormat(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (value === '') return null;
  const parsed = parsePersonalId(value);
  return parsed.ok ? null : { personalId: parsed.error };
}

function vietnamesePhone(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || isVietnamesePhone(control.value) ? null : { phone: true };
}

function ethnicityCode(control: AbstractControl<string>): ValidationErrors | null {
  return isEthnicityCode(control.value) ? null : { ethnicity: true };
}

function birthYear(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (value === '') return null;
  const year = Number(value);
  const max = new Date().getFullYear();
  return /^\d{4}$/.test(value) && year >= FIRST_BIRTH_YEAR && year <= max
    ? null
    : { yearRange: { min: FIRST_BIRTH_YEAR, max } };
}

function pastDate(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) return null;
  return value <= todayInVietnam() ? null : { futureDate: true };
}

/**
 * The digits of the number carry the birth year and gender (digit 4 and 5–6): a mismatch is a typing mistake in
 * one of the three fields, reported on the number.
 */
function personalIdConsistent(group: AbstractControl): ValidationErrors | null {
  const personalId = (group.get('personalId')?.value as string).trim();
  const dateOfBirth = group.get('dateOfBirth')?.value as string;
  const gender = group.get('gender')?.value as 'MALE' | 'FEMALE' | '';
  if (!parsePersonalId(personalId).ok || !dateOfBirth || !gender) return null;
  return personalIdMatches(personalId, Number(dateOfBirth.slice(0, 4)), gender) ? null : { personalIdMismatch: true };
}

function text(maxLength: number, required = false): FormControl<string> {
  const validators = required
    ? [Validators.required, Validators.maxLength(maxLength)]
    : [Validators.maxLength(maxLength)];
  return new FormControl('', { nonNullable: true, validators });
}

export function guardianGroup(guardian?: Guardian) {
  return new FormGroup({
    // An unnamed contact from a list (relation UNKNOWN) is named on screen with its relation: the clerk picks it.
    relation: new FormControl<GuardianRelation | ''>(
      guardian && guardian.relation !== 'UNKNOWN' ? guardian.relation : '',
      {
        nonNullable: true,
        validators: [Validators.required],
      },
    ),
    fullName: new FormControl(guardian?.fullName ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    phone: new FormControl(guardian?.phone ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(20), vietnamesePhone],
    }),
    occupation: new FormControl(guardian?.occupation ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(100)],
    }),
    birthYear: new FormControl(guardian?.birthYear ? String(guardian.birthYear) : '', {
      nonNullable: true,
      validators: [birthYear],
    }),
  });
}
export type GuardianGroup = ReturnType<typeof guardianGroup>;

export function studentFormGroup() {
  return new FormGroup(
    {
      personalId: new FormControl('', { nonNullable: true, validators: [Validators.required, personalIdFormat] }),
      fullName: text(100, true),
      dateOfBirth: new FormControl('', { nonNullable: true, validators: [Validators.required, pastDate] }),
      gender: new FormControl<'MALE' | 'FEMALE' | ''>('', { nonNullable: true, validators: [Validators.required] }),
      ethnicity: new FormControl(DEFAULT_ETHNICITY, { nonNullable: true, validators: [ethnicityCode] }),
      religion: text(60),
      nationality: new FormControl(DEFAULT_NATIONALITY, {
        nonNullable: true,
        validators: [Validators.pattern(/^[A-Z]{2}$/)],
      }),
      placeOfBirth: text(200),
      permanentAddress: text(300),
      currentAddress: text(300),
      policyGroups: new FormGroup(
        Object.fromEntries(POLICY_GROUPS.map((g) => [g, new FormControl(false, { nonNullable: true })])) as Record<
          PolicyGroup,
          FormControl<boolean>
        >,
      ),
      disability: new FormControl<DisabilityKind | ''>('', { nonNullable: true }),
      guardians: new FormArray<GuardianGroup>([]),
      classId: new FormControl('', { nonNullable: true }),
    },
    { validators: [personalIdConsistent] },
  );
}
export type StudentFormGroup = ReturnType<typeof studentFormGroup>;

export function fillForm(form: StudentFormGroup, student: StudentDetail | null): void {
  form.controls.guardians.clear();
  for (const guardian of student?.guardians ?? []) form.controls.guardians.push(guardianGroup(guardian));
  form.reset({
    personalId: student?.personalId ?? '',
    fullName: student?.fullName ?? '',
    dateOfBirth: student?.dateOfBirth ?? '',
    gender: student?.gender ?? '',
    ethnicity: student?.ethnicity ?? DEFAULT_ETHNICITY,
    religion: student?.religion ?? '',
    nationality: student?.nationality ?? DEFAULT_NATIONALITY,
    placeOfBirth: student?.placeOfBirth ?? '',
    permanentAddress: student?.permanentAddress ?? '',
    currentAddress: student?.currentAddress ?? '',
    policyGroups: Object.fromEntries(POLICY_GROUPS.map((g) => [g, student?.policyGroups?.includes(g) ?? false])),
    disability: student?.disability ?? '',
    classId: '',
  });
}

/** The request body; names are trimmed and inner spaces collapsed so "Nguyễn  Văn An" is stored once. */
export function toStudentInput(form: StudentFormGroup): StudentInput {
  const v = form.getRawValue();
  return {
    personalId: v.personalId.trim(),
    fullName: v.fullName.trim().replace(/\s+/g, ' '),
    dateOfBirth: v.dateOfBirth,
    gender: v.gender as 'MALE' | 'FEMALE',
    ethnicity: v.ethnicity,
    religion: orNull(v.religion),
    nationality: v.nationality || DEFAULT_NATIONALITY,
    placeOfBirth: orNull(v.placeOfBirth),
    permanentAddress: orNull(v.permanentAddress),
    currentAddress: orNull(v.currentAddress),
    policyGroups: POLICY_GROUPS.filter((g) => v.policyGroups[g]),
    disability: v.disability || null,
    guardians: v.guardians.map((g) => ({
      relation: g.relation as GuardianRelation,
      fullName: g.fullName.trim().replace(/\s+/g, ' '),
      phone: orNull(g.phone),
      occupation: orNull(g.occupation),
      birthYear: g.birthYear.trim() ? Number(g.birthYear.trim()) : null,
    })),
    classId: v.classId || null,
  };
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export const FORM_OPTIONS = {
  policyGroups: POLICY_GROUPS,
  disabilities: DISABILITY_KINDS,
  relations: NAMED_GUARDIAN_RELATIONS,
};
