import { OrgUnitAdminDetail, OrgUnitAdminItem, OrgUnitParentPeriod } from '@emis/contracts';
import { foldVietnamese } from '@emis/domain';
import { subtreeIds } from './unit-tree';

/**
 * When a move takes effect, seen from today: a date before today rewrites where the school stood since then (reports
 * of those days group it under the new unit), today moves it now, a later date leaves it pending until that day.
 */
export type MoveTiming = 'past' | 'today' | 'future';

export function moveTiming(effectiveFrom: string, today: string): MoveTiming {
  if (effectiveFrom < today) return 'past';
  return effectiveFrom === today ? 'today' : 'future';
}

/**
 * The units a unit or school may move under: open, a department or unit (schools hold no children), not where it
 * already is, and for a unit not itself nor anything under it (that would make a cycle).
 */
export function moveTargets(units: readonly OrgUnitAdminItem[], moving: OrgUnitAdminItem): OrgUnitAdminItem[] {
  const excluded = moving.kind === 'SCHOOL' ? new Set([moving.id]) : subtreeIds(units, moving.id);
  return units.filter(
    (unit) => unit.kind !== 'SCHOOL' && unit.closedOn === null && unit.id !== moving.parentId && !excluded.has(unit.id),
  );
}

/** The targets whose name or code holds the typed words, accents ignored; the chosen one always stays listed. */
export function matchTargets(
  targets: readonly OrgUnitAdminItem[],
  typed: string,
  chosenId: string,
): OrgUnitAdminItem[] {
  const words = foldVietnamese(typed).split(/\s+/).filter(Boolean);
  return targets.filter((t) => {
    const text = foldVietnamese(`${t.name} ${t.code}`);
    return t.id === chosenId || words.every((word) => text.includes(word));
  });
}

/** The period in force today: the one that has begun and not yet ended (validTo is exclusive). */
export function currentPeriod(history: readonly OrgUnitParentPeriod[], today: string): OrgUnitParentPeriod | null {
  return history.find((p) => p.validFrom <= today && (p.validTo === null || p.validTo > today)) ?? null;
}

/**
 * The first day a move may take effect: the day after the current period began, since a move splits that period
 * and both halves must hold at least a day. Null when the history says nothing (the server then decides).
 */
export function earliestMoveDate(unit: Pick<OrgUnitAdminDetail, 'history'>, today: string): string | null {
  const period = currentPeriod(unit.history, today);
  return period ? nextDay(period.validFrom) : null;
}

/** yyyy-MM-dd of the following day, counted in UTC so no time zone shifts it. */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
