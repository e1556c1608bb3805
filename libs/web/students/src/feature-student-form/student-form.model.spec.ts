// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { StudentDetail } from '@emis/contracts';
import {
  DEFAULT_ETHNICITY,
  DEFAULT_NATIONALITY,
  fillForm,
  guardianGroup,
  studentFormGroup,
  toStudentInput,
} from './student-form.model';

// Circular 59/2021/TT-BCA Art. 7: province 001 (Hà Nội); digit 4 is century and gender (2 male, 3 female born 2000–2099).
const BOY_2013 = '001213012345';
const GIRL_2013 = '001313012345';

function validForm() {
  const form = studentFormGroup();
  form.patchValue({ personalId: BOY_2013, fullName: 'Nguyễn Văn An', dateOfBirth: '2013-09-05', gender: 'MALE' });
  return form;
}

const detail: StudentDetail = {
  id: 'st1',
  personalId: GIRL_2013,
  fullName: 'Trần Thị Bình',
  dateOfBirth: '2013-02-01',
  gender: 'FEMALE',
  ethnicity: '04',
  status: 'STUDYING',
  classId: 'c1',
  className: '6A',
  grade: '6',
  religion: null,
  nationality: 'VN',
  placeOfBirth: 'Hà Nội',
  permanentAddress: null,
  currentAddress: null,
  policyGroups: ['POOR_HOUSEHOLD'],
  disability: 'HEARING',
  guardians: [{ relation: 'MOTHER', fullName: 'Lê Thị Cúc', phone: '0912345678', occupation: null, birthYear: 1985 }],
  statusReason: null,
  statusDate: null,
  enrolments: [],
  outcomes: [],
  transfers: [],
  readOnly: false,
  version: 2,
  relation: 'SCOPE',
};

describe('the student form', () => {
  it('starts with the Kinh ethnicity and Vietnamese nationality and is valid once the required fields are filled', () => {
    const form = studentFormGroup();
    expect(form.controls.ethnicity.value).toBe(DEFAULT_ETHNICITY);
    expect(form.controls.nationality.value).toBe(DEFAULT_NATIONALITY);
    expect(form.valid).toBe(false);
    expect(validForm().valid).toBe(true);
  });

  it('rejects a personal ID that is not 12 digits or names no province', () => {
    const form = validForm();
    form.controls.personalId.setValue('00121301234');
    expect(form.controls.personalId.errors).toEqual({ personalId: 'format' });
    form.controls.personalId.setValue('999213012345');
    expect(form.controls.personalId.errors).toEqual({ personalId: 'province' });
  });

  it('flags a personal ID whose birth year or gender disagrees with the fields on the form', () => {
    const form = validForm();
    form.controls.gender.setValue('FEMALE');
    expect(form.errors).toEqual({ personalIdMismatch: true });
    form.controls.personalId.setValue(GIRL_2013);
    expect(form.errors).toBeNull();
    form.controls.dateOfBirth.setValue('2014-01-01');
    expect(form.errors).toEqual({ personalIdMismatch: true });
  });

  it('refuses a date of birth in the future', () => {
    const form = validForm();
    form.controls.dateOfBirth.setValue('2999-01-01');
    expect(form.controls.dateOfBirth.errors).toEqual({ futureDate: true });
  });

  it('refuses an unknown ethnicity code and a nationality that is not two capitals', () => {
    const form = validForm();
    form.controls.ethnicity.setValue('99');
    form.controls.nationality.setValue('vn');
    expect(form.controls.ethnicity.errors).toEqual({ ethnicity: true });
    expect(form.controls.nationality.hasError('pattern')).toBe(true);
  });

  it('checks a guardian’s phone and birth year (1920 to this year)', () => {
    const guardian = guardianGroup();
    guardian.patchValue({ relation: 'FATHER', fullName: 'Nguyễn Văn Bố', phone: '0912 345 678', birthYear: '1980' });
    expect(guardian.valid).toBe(true);
    guardian.controls.phone.setValue('12345');
    expect(guardian.controls.phone.errors).toEqual({ phone: true });
    guardian.controls.birthYear.setValue('1919');
    expect(guardian.controls.birthYear.errors).toEqual({ yearRange: { min: 1920, max: new Date().getFullYear() } });
    guardian.controls.birthYear.setValue('80');
    expect(guardian.controls.birthYear.hasError('yearRange')).toBe(true);
  });

  it('fills from a record, guardians included, and gives back the same record as a request body', () => {
    const form = studentFormGroup();
    fillForm(form, detail);
    expect(form.controls.guardians.length).toBe(1);
    expect(form.valid).toBe(true);
    expect(toStudentInput(form)).toEqual({
      personalId: GIRL_2013,
      fullName: 'Trần Thị Bình',
      dateOfBirth: '2013-02-01',
      gender: 'FEMALE',
      ethnicity: '04',
      religion: null,
      nationality: 'VN',
      placeOfBirth: 'Hà Nội',
      permanentAddress: null,
      currentAddress: null,
      policyGroups: ['POOR_HOUSEHOLD'],
      disability: 'HEARING',
      guardians: [
        { relation: 'MOTHER', fullName: 'Lê Thị Cúc', phone: '0912345678', occupation: null, birthYear: 1985 },
      ],
      classId: null,
    });
  });

  it('empties the form, guardians included, for a new student', () => {
    const form = studentFormGroup();
    fillForm(form, detail);
    fillForm(form, null);
    expect(form.controls.guardians.length).toBe(0);
    expect(form.getRawValue()).toMatchObject({
      personalId: '',
      ethnicity: DEFAULT_ETHNICITY,
      nationality: DEFAULT_NATIONALITY,
      disability: '',
    });
  });

  it('trims and collapses the spaces of names and blanks optional text to null', () => {
    const form = validForm();
    form.patchValue({
      personalId: ` ${BOY_2013} `,
      fullName: '  Nguyễn   Văn  An ',
      religion: '   ',
      placeOfBirth: ' Huế ',
      classId: 'c9',
    });
    form.controls.guardians.push(
      guardianGroup({
        relation: 'FATHER',
        fullName: ' Nguyễn  Văn   Bố ',
        phone: ' ',
        occupation: ' Nông dân ',
        birthYear: null,
      }),
    );
    const input = toStudentInput(form);
    expect(input).toMatchObject({
      personalId: BOY_2013,
      fullName: 'Nguyễn Văn An',
      religion: null,
      placeOfBirth: 'Huế',
      classId: 'c9',
    });
    expect(input.guardians).toEqual([
      { relation: 'FATHER', fullName: 'Nguyễn Văn Bố', phone: null, occupation: 'Nông dân', birthYear: null },
    ]);
  });
});
