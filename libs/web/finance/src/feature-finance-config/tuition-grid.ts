import { TuitionLevel, TuitionLevelsInput } from '@emis/contracts';
import { FEE_AREAS, FeeArea, SCHOOL_LEVELS, SchoolLevel } from '@emis/domain';

/** One cell of the province's table: a level in an area, the monthly tuition level and the private-school support. */
export interface TuitionCell {
  schoolLevel: SchoolLevel;
  area: FeeArea;
  monthlyAmount: number | null;
  privateSupportMonthly: number | null;
}

export type TuitionGrid = TuitionCell[];

/**
 * Every level × area of the year, filled from what the API holds and empty where the province set nothing yet, so
 * the department sees the gaps. The API's PUT replaces the year's table with the cells that have a level.
 */
export function tuitionGrid(levels: readonly TuitionLevel[]): TuitionGrid {
  const held = new Map(levels.map((l) => [`${l.schoolLevel}|${l.area}`, l]));
  return SCHOOL_LEVELS.flatMap((schoolLevel) =>
    FEE_AREAS.map((area) => {
      const level = held.get(`${schoolLevel}|${area}`);
      return {
        schoolLevel,
        area,
        monthlyAmount: level?.monthlyAmount ?? null,
        privateSupportMonthly: level?.privateSupportMonthly ?? null,
      };
    }),
  );
}

export function setCell(grid: TuitionGrid, changed: TuitionCell): TuitionGrid {
  return grid.map((c) => (c.schoolLevel === changed.schoolLevel && c.area === changed.area ? changed : c));
}

/**
 * The year's table to save, or the cells that stop it: a support typed where no tuition level is (a row of the
 * table is a level with its support; an empty support is 0).
 */
export function toTuitionLevelsInput(
  schoolYearId: string,
  grid: TuitionGrid,
): { input: TuitionLevelsInput } | { invalid: TuitionCell[] } {
  const invalid = grid.filter((c) => c.monthlyAmount === null && c.privateSupportMonthly !== null);
  if (invalid.length > 0) return { invalid };
  const levels = grid
    .filter((c): c is TuitionCell & { monthlyAmount: number } => c.monthlyAmount !== null)
    .map((c) => ({
      schoolLevel: c.schoolLevel,
      area: c.area,
      monthlyAmount: c.monthlyAmount,
      privateSupportMonthly: c.privateSupportMonthly ?? 0,
    }));
  return { input: { schoolYearId, levels } };
}
