import type { ReportMeasures, SubjectResultRow } from '@emis/contracts';
import { CompareCounts, emptyCompareCounts, meanOfTenths, publishedCount, sharePercent } from '@emis/domain';
import { RawMeasures, RawSubject } from './raw-measures';

/**
 * The summed facts as published (docs/domain/reporting.md): in a view above the school every count of 1 to 4 pupils
 * is withheld and the row marked suppressed; a school's own report shows every count. Shares are computed from the
 * unrounded sums, never from published (possibly withheld) counts.
 */
export function publishMeasures(raw: RawMeasures, aboveSchool: boolean): ReportMeasures {
  let suppressed = false;
  const count = (n: number): number | null => {
    const published = publishedCount(n, aboveSchool);
    if (published === null) suppressed = true;
    return published;
  };
  const counts = (byCode: Record<string, number>) =>
    Object.fromEntries(Object.entries(byCode).map(([code, n]) => [code, count(n)]));
  const measures: Omit<ReportMeasures, 'suppressed'> = {
    schools: raw.schools,
    classes: raw.classes,
    pupils: count(raw.pupils),
    female: count(raw.female),
    ethnicMinority: count(raw.ethnicMinority),
    disabled: count(raw.disabled),
    staff: raw.staff,
    teachers: raw.teachers,
    classSizeBreaches: raw.classSizeBreaches,
    learning: counts(raw.learning),
    training: counts(raw.training),
    awards: counts(raw.awards),
    promotion: counts(raw.promotion),
    resultsMissing: count(raw.resultsMissing),
    droppedOut: count(raw.droppedOut),
    transferredOut: count(raw.transferredOut),
    transferredIn: count(raw.transferredIn),
    attendanceRate: sharePercent(raw.present, raw.recorded),
  };
  return { ...measures, suppressed };
}

/** One grade's subject as published: the mean from the exact sum of tenths, bands and ratings as counts. */
export function publishSubject(raw: RawSubject, aboveSchool: boolean): SubjectResultRow {
  let suppressed = false;
  const count = (n: number): number | null => {
    const published = publishedCount(n, aboveSchool);
    if (published === null) suppressed = true;
    return published;
  };
  const scored = count(raw.scored);
  return {
    grade: raw.grade,
    subjectCode: raw.subjectCode,
    subjectName: raw.subjectName,
    pupils: count(raw.pupils),
    scored,
    // A withheld number of scored pupils withholds their mean too.
    mean: scored === null ? null : meanOfTenths(raw.sumTenths, raw.scored),
    bands: { b80: count(raw.b80), b65: count(raw.b65), b50: count(raw.b50), b35: count(raw.b35), b00: count(raw.b00) },
    ratings: {
      D: count(raw.ratingD),
      CD: count(raw.ratingCd),
      T: count(raw.ratingT),
      H: count(raw.ratingH),
      C: count(raw.ratingC),
    },
    notPassed: count(raw.notPassed),
    suppressed,
  };
}

/** The counts a comparison measure divides, from a school's (or a unit's) summed facts. */
export function compareCounts(raw: RawMeasures, subject?: { sumTenths: number; scored: number }): CompareCounts {
  return {
    ...emptyCompareCounts(),
    pupils: raw.pupils,
    learning: raw.learning,
    training: raw.training,
    promotion: raw.promotion,
    droppedOut: raw.droppedOut,
    enrolled: raw.pupils,
    recorded: raw.recorded,
    present: raw.present,
    classSizeBreaches: raw.classSizeBreaches,
    subjectSumTenths: subject?.sumTenths ?? 0,
    subjectScored: subject?.scored ?? 0,
  };
}
