/**
 * Vietnam's 12-digit personal identification number (mã định danh cá nhân, also the citizen ID number),
 * Circular 59/2021/TT-BCA Article 7: digits 1–3 are the province (or country) of birth registration,
 * digit 4 encodes century and gender, digits 5–6 the last two digits of the birth year, 7–12 a random serial.
 */
export type Gender = 'MALE' | 'FEMALE';

export interface PersonalIdInfo {
  provinceCode: string;
  gender: Gender;
  birthYear: number;
}

export type PersonalIdError = 'format' | 'province' | 'century';

/** Century-and-gender digit: 0/1 → 20th century male/female, 2/3 → 21st, 4/5 → 22nd, 6/7 → 23rd, 8/9 → 24th. */
const CENTURY_BASE = [1900, 2000, 2100, 2200, 2300];

/** Province codes in use run 001–096 (the 63 pre-2025 provinces keep their codes in issued numbers). */
const MAX_PROVINCE_CODE = 96;

export function parsePersonalId(
  value: string,
): { ok: true; info: PersonalIdInfo } | { ok: false; error: PersonalIdError } {
  if (!/^\d{12}$/.test(value)) return { ok: false, error: 'format' };
  const province = Number(value.slice(0, 3));
  if (province < 1 || province > MAX_PROVINCE_CODE) return { ok: false, error: 'province' };
  const centuryGender = Number(value[3]);
  const base = CENTURY_BASE[Math.floor(centuryGender / 2)];
  const birthYear = base + Number(value.slice(4, 6));
  return {
    ok: true,
    info: { provinceCode: value.slice(0, 3), gender: centuryGender % 2 === 0 ? 'MALE' : 'FEMALE', birthYear },
  };
}

/** Checks the number against a known birth year and gender, when the record has them. */
export function personalIdMatches(value: string, birthYear: number, gender: Gender): boolean {
  const parsed = parsePersonalId(value);
  return parsed.ok && parsed.info.birthYear === birthYear && parsed.info.gender === gender;
}
