import { TuitionLevel } from '@emis/contracts';
import { FEE_AREAS, SCHOOL_LEVELS } from '@emis/domain';
import { setCell, toTuitionLevelsInput, tuitionGrid } from './tuition-grid';

const held: TuitionLevel[] = [
  { schoolYearId: 'y', schoolLevel: 'PRIMARY', area: 'URBAN', monthlyAmount: 300_000, privateSupportMonthly: 300_000 },
];

describe("the province's tuition table", () => {
  it('shows every level in every area, empty where nothing is set', () => {
    const grid = tuitionGrid(held);
    expect(grid).toHaveLength(SCHOOL_LEVELS.length * FEE_AREAS.length);
    expect(grid.find((c) => c.schoolLevel === 'PRIMARY' && c.area === 'URBAN')?.monthlyAmount).toBe(300_000);
    expect(grid.find((c) => c.schoolLevel === 'PRIMARY' && c.area === 'RURAL')?.monthlyAmount).toBeNull();
  });

  it('saves the cells that have a level, an empty support as 0', () => {
    const grid = setCell(tuitionGrid(held), {
      schoolLevel: 'LOWER_SECONDARY',
      area: 'MOUNTAIN',
      monthlyAmount: 50_000,
      privateSupportMonthly: null,
    });
    expect(toTuitionLevelsInput('y', grid)).toEqual({
      input: {
        schoolYearId: 'y',
        levels: [
          { schoolLevel: 'PRIMARY', area: 'URBAN', monthlyAmount: 300_000, privateSupportMonthly: 300_000 },
          { schoolLevel: 'LOWER_SECONDARY', area: 'MOUNTAIN', monthlyAmount: 50_000, privateSupportMonthly: 0 },
        ],
      },
    });
  });

  it('stops at a support typed where no level is', () => {
    const cell = {
      schoolLevel: 'PRESCHOOL',
      area: 'RURAL',
      monthlyAmount: null,
      privateSupportMonthly: 100_000,
    } as const;
    expect(toTuitionLevelsInput('y', setCell(tuitionGrid(held), cell))).toEqual({ invalid: [cell] });
  });
});
