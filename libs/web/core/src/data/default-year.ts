import { SchoolYear } from '@emis/contracts';

/** The year a page shows by default: the open one, else the newest; null when there is none. */
export function defaultYear<Y extends Pick<SchoolYear, 'status' | 'code'>>(years: readonly Y[]): Y | null {
  return years.find((y) => y.status === 'OPEN') ?? [...years].sort((a, b) => b.code.localeCompare(a.code))[0] ?? null;
}
