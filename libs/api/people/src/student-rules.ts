import {
  ageOn,
  FULL_NAME_PATTERN,
  Gender,
  isEthnicityCode,
  isRealDate,
  parsePersonalId,
  personalIdMatches,
  SCHOOL_AGE,
  todayInVietnam,
  capitaliseVietnameseName,
} from '@emis/domain';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * The field rules of a student record (docs/domain/records.md). Each rule has its own code, so the API can word the
 * message in Vietnamese and English (libs/api/platform/src/http/messages.ts).
 */

/** The one rule for a person's full name, shared with the staff records, the imports and the web forms. */
export { FULL_NAME_PATTERN };

/**
 * Trims, joins runs of spaces, composes diacritics (NFC) and capitalises each word the Vietnamese way
 * (`capitaliseVietnameseName`, docs/conventions.md), so "nguyễn  văn an" and its NFD twin are "Nguyễn Văn An".
 */
export function normaliseName(value: unknown): unknown {
  return typeof value === 'string' ? capitaliseVietnameseName(value) : value;
}

function rule(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  constraints: unknown[] = [],
) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options,
      constraints,
      validator: { validate },
    });
}

/** 12 digits (Circular 59/2021/TT-BCA Art. 7). */
export const IsPersonalIdFormat = rule('personalIdFormat', (v) => typeof v === 'string' && /^\d{12}$/.test(v));

/** Digits 1–3 name a province of birth registration that exists; checked only once the format is right. */
export const HasPersonalIdProvince = rule('personalIdProvince', (v) => {
  if (typeof v !== 'string' || !/^\d{12}$/.test(v)) return true;
  return parsePersonalId(v).ok;
});

/**
 * Digit 4 (century and gender) and digits 5–6 (birth year) agree with the record's date of birth and gender.
 * Checked only when both are present and well-formed, so one mistake does not raise three errors.
 */
export const PersonalIdMatchesRecord = rule('personalIdMismatch', (v, args) => {
  const o = args.object as { dateOfBirth?: unknown; gender?: unknown };
  if (typeof v !== 'string' || !parsePersonalId(v).ok) return true;
  if (!isRealDate(o.dateOfBirth) || (o.gender !== 'MALE' && o.gender !== 'FEMALE')) return true;
  return personalIdMatches(v, Number(o.dateOfBirth.slice(0, 4)), o.gender as Gender);
});

export const IsVietnameseFullName = rule(
  'vietnameseFullName',
  (v) => typeof v === 'string' && FULL_NAME_PATTERN.test(v),
);

export const IsRealDate = rule('isRealDate', (v) => isRealDate(v));

export const IsPlausibleSchoolAge = rule(
  'schoolAge',
  (v) => {
    if (!isRealDate(v)) return true;
    const age = ageOn(v, todayInVietnam());
    return age >= SCHOOL_AGE.min && age <= SCHOOL_AGE.max;
  },
  [SCHOOL_AGE.min, SCHOOL_AGE.max],
);

export const IsEthnicity = rule('isEthnicityCode', (v) => isEthnicityCode(v));
