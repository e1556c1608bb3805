import type { StaffPosition } from '../people/people-enums';
import { foldVietnamese } from '../text/fold';
import { Role } from './roles';

/**
 * Accounts given to staff (docs/domain/accounts.md, "Accounts from staff records"): the user name suggested from the
 * person's name, and the role a staff record's position implies.
 */

/** A user name: lower-case ascii letters and digits, words joined by dots, 3 to 40 characters. */
export const USERNAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 40;

/** Room left after the stem for the numeric suffix that makes a name unique ("nguyenvan.an12"). */
const SUFFIX_ROOM = 4;

/**
 * The stem of a user name from a Vietnamese full name, accents dropped: the family and middle names joined, a dot, the
 * given name — "Nguyễn Văn An" → "nguyenvan.an", "Đỗ Thị Bích Ngọc" → "dothibich.ngoc". Read by people who type it on
 * a phone, so it keeps the name recognisable and has no symbols besides the dot.
 */
export function usernameStem(fullName: string): string {
  const words = foldVietnamese(fullName)
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  if (!words.length) return 'nguoidung';
  const given = words[words.length - 1];
  const stem = words.length === 1 ? given : `${words.slice(0, -1).join('')}.${given}`;
  const short = stem.slice(0, USERNAME_MAX_LENGTH - SUFFIX_ROOM).replace(/\.$/, '');
  return short.length >= USERNAME_MIN_LENGTH ? short : `${short}${'0'.repeat(USERNAME_MIN_LENGTH - short.length)}`;
}

/**
 * The first free name of `stem`, `stem2`, `stem3`, …: `taken` holds the names in use, lower-cased (user names are
 * unique regardless of case).
 */
export function firstFreeUsername(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The codes of the accountant ranks (kế toán viên cao cấp 06.029, chính 06.030, kế toán viên 06.031, trung cấp
 * 06.032 — Circular 29/2022/TT-BTC, as Circular 77/2019/TT-BTC before it). A school's accountant holds one of them;
 * the staff record has no "accountant" position of its own.
 */
export const ACCOUNTANT_RANK_CODES: readonly string[] = ['06.029', '06.030', '06.031', '06.032'];

/**
 * The role an account for a staff record gets in a bulk creation: the principal and vice-principals administer the
 * school, an accountant (by rank) keeps its books, everyone else gets `defaultRole` (the school's teachers).
 */
export function accountRoleForStaff(
  staff: { position: StaffPosition; rankCode: string | null },
  defaultRole: Role,
): Role {
  if (staff.position === 'PRINCIPAL' || staff.position === 'VICE_PRINCIPAL') return 'SCHOOL_ADMIN';
  if (staff.rankCode && ACCOUNTANT_RANK_CODES.includes(staff.rankCode.trim())) return 'ACCOUNTANT';
  return defaultRole;
}

/** The account administration reason's bounds: enough to say why, short enough for the audit trail. */
export const ACCOUNT_REASON_MIN_LENGTH = 3;
export const ACCOUNT_REASON_MAX_LENGTH = 500;
