/**
 * Fee periods (docs/domain/finance.md, "Fee periods"). Tuition is billed for the months actually taught, nine a
 * school year (Decree 81/2021/NĐ-CP Art. 11.1); a school that collects by semester bills the first semester for
 * September to December (4 months) and the second for January to May (5 months). The proposal follows that; a
 * school that collects monthly or splits otherwise creates its own periods.
 */
export const SEMESTER_MONTHS = { HK1: 4, HK2: 5 } as const;

export interface SemesterCalendar {
  semester1Start: string;
  semester1End: string;
  semester2Start: string;
  semester2End: string;
}

export interface ProposedPeriod {
  code: 'HK1' | 'HK2';
  name: string;
  startsOn: string;
  endsOn: string;
  months: number;
}

/** The two semester periods of a school year, on the school's semester dates. */
export function semesterPeriods(yearCode: string, calendar: SemesterCalendar): ProposedPeriod[] {
  return [
    {
      code: 'HK1',
      name: `Học kì I năm học ${yearCode}`,
      startsOn: calendar.semester1Start,
      endsOn: calendar.semester1End,
      months: SEMESTER_MONTHS.HK1,
    },
    {
      code: 'HK2',
      name: `Học kì II năm học ${yearCode}`,
      startsOn: calendar.semester2Start,
      endsOn: calendar.semester2End,
      months: SEMESTER_MONTHS.HK2,
    },
  ];
}

/** Two periods share at least one day (both ends included). */
export function periodsOverlap(
  a: { startsOn: string; endsOn: string },
  b: { startsOn: string; endsOn: string },
): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}
