import { SchoolYear } from '@emis/contracts';

/** The year a finance page opens on: the one asked for if it exists, else the open one, else the latest that started. */
export function chooseYearId(years: readonly SchoolYear[], asked: string | undefined): string | null {
  if (asked && years.some((year) => year.id === asked)) return asked;
  const open = years.filter((year) => year.status === 'OPEN');
  const pool = open.length > 0 ? open : years;
  return [...pool].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0]?.id ?? null;
}
