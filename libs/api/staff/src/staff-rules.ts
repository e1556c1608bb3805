import type { Qualification } from '@emis/contracts';
import { Gender, isEthnicityCode, isRealDate, parsePersonalId } from '@emis/domain';
import type { RawFieldError } from '@emis/api/platform';

/** The fields of a staff record the rules below look at together (one record, after a PATCH is merged). */
export interface StaffRuleFields {
  personalId: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  startDate: string;
  qualifications: Qualification[];
}

export function shiftYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

/** dd/MM/yyyy, the way Vietnamese forms write dates, for the arguments of a message. */
export function displayDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/**
 * Rules that span several fields of a staff record. Working age: 18 (Labour Code 2019 Art. 143 — adults) to 70
 * (retirement age under Decree 135/2020 is 60–62, with extensions for some positions); a qualification cannot
 * predate the person's fifteenth year nor lie in the future.
 */
export function staffFieldErrors(f: StaffRuleFields, today: string): RawFieldError[] {
  const errors: RawFieldError[] = [];
  const parsed = parsePersonalId(f.personalId);
  if (!parsed.ok)
    errors.push({
      field: 'personalId',
      rule: parsed.error === 'format' ? 'personalIdFormat' : 'personalIdProvince',
      args: [],
    });
  if (!isRealDate(f.dateOfBirth)) {
    errors.push({ field: 'dateOfBirth', rule: 'isRealDate', args: [] });
  } else {
    const [earliest, latest] = [shiftYears(today, -70), shiftYears(today, -18)];
    if (f.dateOfBirth < earliest || f.dateOfBirth > latest) {
      errors.push({ field: 'dateOfBirth', rule: 'inRange', args: [displayDate(earliest), displayDate(latest)] });
    }
    if (parsed.ok && (parsed.info.birthYear !== Number(f.dateOfBirth.slice(0, 4)) || parsed.info.gender !== f.gender)) {
      errors.push({ field: 'personalId', rule: 'personalIdMismatch', args: [] });
    }
  }
  if (!isEthnicityCode(f.ethnicity)) errors.push({ field: 'ethnicity', rule: 'isEthnicityCode', args: [] });
  errors.push(...startDateErrors(f, today), ...qualificationErrors(f, today));
  return errors;
}

function startDateErrors(f: StaffRuleFields, today: string): RawFieldError[] {
  if (!isRealDate(f.startDate)) return [{ field: 'startDate', rule: 'isRealDate', args: [] }];
  if (!isRealDate(f.dateOfBirth)) return [];
  const [earliest, latest] = [shiftYears(f.dateOfBirth, 18), shiftYears(today, 1)];
  return f.startDate < earliest || f.startDate > latest
    ? [{ field: 'startDate', rule: 'inRange', args: [displayDate(earliest), displayDate(latest)] }]
    : [];
}

function qualificationErrors(f: StaffRuleFields, today: string): RawFieldError[] {
  if (!isRealDate(f.dateOfBirth)) return [];
  const [first, last] = [Number(f.dateOfBirth.slice(0, 4)) + 15, Number(today.slice(0, 4))];
  return f.qualifications.flatMap((q, i) =>
    q.year < first || q.year > last
      ? [{ field: `qualifications.${i}.year`, rule: 'inRange', args: [first, last] }]
      : [],
  );
}
