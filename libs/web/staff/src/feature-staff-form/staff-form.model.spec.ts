// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { StaffDetail } from '@emis/contracts';
import { createStaffForm, fillForm, qualificationGroup, ruleKey, toInput } from './staff-form.model';

// Circular 59/2021/TT-BCA Art. 7: province 079 (TP. Hồ Chí Minh); digit 4: 0 male, 1 female born 1900–1999.
const MAN_1985 = '079085000123';
const WOMAN_1985 = '079185000123';

const detail: StaffDetail = {
  id: 'p1',
  personalId: WOMAN_1985,
  fullName: 'Phạm Thị Dung',
  dateOfBirth: '1985-03-04T00:00:00.000Z',
  gender: 'FEMALE',
  position: 'TEACHER',
  contractType: 'CIVIL_SERVANT',
  subjects: ['TOAN'],
  status: 'TRANSFERRED',
  phone: null,
  ethnicity: '01',
  email: null,
  rankCode: 'V.07.04.32',
  salaryCoefficient: 3.33,
  salaryStep: 3,
  qualifications: [{ level: 'BACHELOR', major: 'Sư phạm Toán', institution: 'ĐHSP TP.HCM', year: 2007 }],
  startDate: '2008-09-01',
  partyMember: null,
  unionMember: true,
  history: [],
  version: 5,
};

function validForm() {
  const form = createStaffForm();
  form.patchValue({
    personalId: WOMAN_1985,
    fullName: 'Phạm Thị Dung',
    dateOfBirth: '1985-03-04',
    startDate: '2008-09-01',
  });
  return form;
}

describe('the staff form', () => {
  it('is valid once the required fields are filled', () => {
    expect(createStaffForm().valid).toBe(false);
    expect(validForm().valid).toBe(true);
  });

  it('tells a malformed personal ID from one naming no province', () => {
    const form = validForm();
    form.controls.personalId.setValue('07918500012');
    expect(form.controls.personalId.errors).toEqual({ personalIdFormat: true });
    form.controls.personalId.setValue('999185000123');
    expect(form.controls.personalId.errors).toEqual({ personalIdProvince: true });
  });

  it('flags a personal ID whose birth year or gender disagrees with the form', () => {
    const form = validForm();
    form.controls.personalId.setValue(MAN_1985);
    expect(form.errors).toEqual({ personalIdMismatch: true });
    form.controls.gender.setValue('MALE');
    expect(form.errors).toBeNull();
    form.controls.dateOfBirth.setValue('1986-03-04');
    expect(form.errors).toEqual({ personalIdMismatch: true });
  });

  it('rejects a full name that is not a Vietnamese name, a bad phone and a bad email', () => {
    const form = validForm();
    form.patchValue({ fullName: 'Dung 123', phone: '0123', email: 'dung@' });
    expect(form.controls.fullName.errors).toEqual({ fullName: true });
    expect(form.controls.phone.errors).toEqual({ phone: true });
    expect(form.controls.email.hasError('email')).toBe(true);
  });

  it('bounds the salary coefficient (1–10) and step (1–12)', () => {
    const form = validForm();
    form.patchValue({ salaryCoefficient: 10.5, salaryStep: 0 });
    expect(form.controls.salaryCoefficient.hasError('max')).toBe(true);
    expect(form.controls.salaryStep.hasError('min')).toBe(true);
  });

  it('requires a qualification’s major, institution and a year from 1950', () => {
    const q = qualificationGroup();
    expect(q.controls.level.value).toBe('BACHELOR');
    expect(q.valid).toBe(false);
    q.patchValue({ major: 'Ngữ văn', institution: 'ĐHSP Huế', year: 1949 });
    expect(q.controls.year.hasError('min')).toBe(true);
    q.controls.year.setValue(2001);
    expect(q.valid).toBe(true);
  });

  it('fills from a record (dates cut to the day, a transferred record shown active) and gives it back as a body', () => {
    const form = createStaffForm();
    fillForm(form, detail);
    expect(form.controls.dateOfBirth.value).toBe('1985-03-04');
    expect(form.controls.status.value).toBe('ACTIVE');
    expect(form.controls.qualifications.length).toBe(1);
    expect(form.valid).toBe(true);
    expect(toInput(form)).toEqual({
      personalId: WOMAN_1985,
      fullName: 'Phạm Thị Dung',
      dateOfBirth: '1985-03-04',
      gender: 'FEMALE',
      ethnicity: '01',
      phone: null,
      email: null,
      position: 'TEACHER',
      contractType: 'CIVIL_SERVANT',
      rankCode: 'V.07.04.32',
      salaryCoefficient: 3.33,
      salaryStep: 3,
      qualifications: [{ level: 'BACHELOR', major: 'Sư phạm Toán', institution: 'ĐHSP TP.HCM', year: 2007 }],
      subjects: ['TOAN'],
      startDate: '2008-09-01',
      partyMember: false,
      unionMember: true,
    });
  });

  it('sends a phone without its spaces, dots and dashes, and trimmed names', () => {
    const form = validForm();
    form.patchValue({ phone: '0912.345-678', fullName: ' Phạm  Thị   Dung ', email: '  ', rankCode: ' V.07 ' });
    expect(toInput(form)).toMatchObject({
      phone: '0912345678',
      fullName: 'Phạm Thị Dung',
      email: null,
      rankCode: 'V.07',
    });
  });

  it('names the first failed rule of a control in a fixed order, for its message', () => {
    expect(ruleKey({ maxlength: true, required: true })).toBe('staff.form.errors.required');
    expect(ruleKey({ max: { max: 10 }, phone: true })).toBe('staff.form.errors.phone');
    expect(ruleKey({ pattern: true })).toBe('staff.form.errors.invalid');
  });
});
