import { MfaPolicyItem } from '@emis/contracts';
import { mfaPolicyUpdate } from './mfa-policy.model';

const saved: MfaPolicyItem[] = [
  { role: 'DEPARTMENT_ADMIN', required: true, fixed: true },
  { role: 'SCHOOL_ADMIN', required: true, fixed: true },
  { role: 'ACCOUNTANT', required: false, fixed: false },
  { role: 'TEACHER', required: false, fixed: false },
];

describe('mfaPolicyUpdate', () => {
  it('sends only the roles whose setting changed', () => {
    expect(mfaPolicyUpdate(saved, { ACCOUNTANT: true, TEACHER: false })).toEqual({ required: { ACCOUNTANT: true } });
  });

  it('never sends a fixed role, even if the form says otherwise', () => {
    expect(mfaPolicyUpdate(saved, { SCHOOL_ADMIN: false })).toBeNull();
  });

  it('has nothing to send when the form matches the saved policy', () => {
    expect(mfaPolicyUpdate(saved, {})).toBeNull();
    expect(mfaPolicyUpdate(saved, { TEACHER: false, ACCOUNTANT: false })).toBeNull();
  });
});
