import { OrgUnitAdminItem, OrgUnitCreate, OrgUnitUpdate } from '@emis/contracts';
import { isValidOrgUnitCode, SCHOOL_LEVELS, SchoolLevel, SchoolOwnership } from '@emis/domain';

/** Every change is audited with the reason given (docs/domain/organisation.md); the API checks the same bounds. */
export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;
export const NAME_MAX_LENGTH = 200;

/** What the create and edit dialogs hold; text fields as typed, trimmed on the way out. */
export interface UnitFormValue {
  kind: 'UNIT' | 'SCHOOL';
  code: string;
  name: string;
  parentId: string;
  levels: SchoolLevel[];
  ownership: SchoolOwnership;
  address: string;
  commune: string;
  /** Create only: the day the unit opens (yyyy-MM-dd). */
  effectiveFrom: string;
  /** Edit only. */
  reason: string;
}

/** A field's refusal as a translation key under 'organisation.form.errors'. */
export type UnitFormErrors = Partial<Record<keyof UnitFormValue, string>>;

export function emptyUnitForm(kind: 'UNIT' | 'SCHOOL', parentId: string, today: string): UnitFormValue {
  return {
    kind,
    code: '',
    name: '',
    parentId,
    levels: [],
    ownership: 'PUBLIC',
    address: '',
    commune: '',
    effectiveFrom: today,
    reason: '',
  };
}

/** The edit dialog starts from the unit as it is. */
export function unitFormOf(unit: OrgUnitAdminItem): UnitFormValue {
  return {
    kind: unit.kind === 'SCHOOL' ? 'SCHOOL' : 'UNIT',
    code: unit.code,
    name: unit.name,
    parentId: unit.parentId ?? '',
    levels: [...unit.levels],
    ownership: unit.ownership ?? 'PUBLIC',
    address: unit.address ?? '',
    commune: unit.commune ?? '',
    effectiveFrom: '',
    reason: '',
  };
}

/** Codes are upper case (ORG_UNIT_CODE_PATTERN); what is typed in lower case is meant the same. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Levels in the order of the school system, whatever order they were ticked in. */
export function toggleLevel(levels: readonly SchoolLevel[], level: SchoolLevel, on: boolean): SchoolLevel[] {
  const chosen = new Set(levels);
  if (on) chosen.add(level);
  else chosen.delete(level);
  return SCHOOL_LEVELS.filter((l) => chosen.has(l));
}

/**
 * The checks the dialog makes before sending, so the common slips show at once under their fields. The server
 * decides (a code already taken, a closed parent) and its field errors are shown the same way.
 */
export function unitFormErrors(value: UnitFormValue, mode: 'create' | 'edit'): UnitFormErrors {
  const errors: UnitFormErrors = {};
  const code = normaliseCode(value.code);
  if (!code) errors.code = 'required';
  else if (!isValidOrgUnitCode(code)) errors.code = 'codePattern';
  const name = value.name.trim();
  if (!name) errors.name = 'required';
  else if (name.length > NAME_MAX_LENGTH) errors.name = 'nameLength';
  if (value.kind === 'SCHOOL' && value.levels.length === 0) errors.levels = 'levels';
  if (mode === 'create') {
    if (!value.parentId) errors.parentId = 'required';
    if (!value.effectiveFrom) errors.effectiveFrom = 'required';
  } else {
    const reason = reasonError(value.reason);
    if (reason) errors.reason = reason;
  }
  return errors;
}

/** A reason between the bounds, or the key of what is wrong with it. */
export function reasonError(reason: string): string | null {
  const length = reason.trim().length;
  if (length < REASON_MIN_LENGTH) return 'reasonShort';
  if (length > REASON_MAX_LENGTH) return 'reasonLong';
  return null;
}

export function toCreate(value: UnitFormValue): OrgUnitCreate {
  const common = {
    kind: value.kind,
    code: normaliseCode(value.code),
    name: value.name.trim(),
    parentId: value.parentId,
    address: value.address.trim() || null,
    commune: value.commune.trim() || null,
    effectiveFrom: value.effectiveFrom,
  };
  return value.kind === 'SCHOOL' ? { ...common, levels: value.levels, ownership: value.ownership } : common;
}

/** Only what changed, with the reason; null when nothing did (the dialog then has nothing to send). */
export function toUpdate(before: OrgUnitAdminItem, value: UnitFormValue): OrgUnitUpdate | null {
  const update: OrgUnitUpdate = { reason: value.reason.trim() };
  const name = value.name.trim();
  if (name !== before.name) update.name = name;
  const code = normaliseCode(value.code);
  if (code !== before.code) update.code = code;
  const address = value.address.trim() || null;
  if (address !== before.address) update.address = address;
  const commune = value.commune.trim() || null;
  if (commune !== before.commune) update.commune = commune;
  if (before.kind === 'SCHOOL') {
    if (value.levels.join() !== before.levels.join()) update.levels = value.levels;
    if (value.ownership !== before.ownership) update.ownership = value.ownership;
  }
  return Object.keys(update).length > 1 ? update : null;
}
