import type { SubjectTally } from '@emis/domain';
/**
 * The fact tables' sums for one group (a school, a unit, a grade, a class), as the repository reads them and before
 * publishing rounds and withholds them (report-measures.ts). A unit's sums are its schools' added up.
 */

/** The sums of the fact tables for one group, before suppression and rounding. */
export interface RawMeasures {
  schools: number;
  classes: number;
  pupils: number;
  female: number;
  ethnicMinority: number;
  disabled: number;
  staff: number;
  teachers: number;
  classSizeBreaches: number;
  learning: Record<string, number>;
  training: Record<string, number>;
  awards: Record<string, number>;
  promotion: Record<string, number>;
  resultsMissing: number;
  droppedOut: number;
  transferredOut: number;
  transferredIn: number;
  recorded: number;
  present: number;
}

/** One subject of one grade summed over schools: the subject tally of libs/domain, with its key and names. */
export interface RawSubject extends SubjectTally {
  key: string;
  grade: string;
  subjectCode: string;
  subjectName: string;
}

export function emptyRaw(): RawMeasures {
  return {
    schools: 0,
    classes: 0,
    pupils: 0,
    female: 0,
    ethnicMinority: 0,
    disabled: 0,
    staff: 0,
    teachers: 0,
    classSizeBreaches: 0,
    learning: {},
    training: {},
    awards: {},
    promotion: {},
    resultsMissing: 0,
    droppedOut: 0,
    transferredOut: 0,
    transferredIn: 0,
    recorded: 0,
    present: 0,
  };
}

/** Adds `b` into `a` (a unit's figures are the sums of its schools'). */
export function addRaw(a: RawMeasures, b: RawMeasures): RawMeasures {
  const add = (x: Record<string, number>, y: Record<string, number>) => {
    for (const [k, v] of Object.entries(y)) x[k] = (x[k] ?? 0) + v;
  };
  for (const k of [
    'schools',
    'classes',
    'pupils',
    'female',
    'ethnicMinority',
    'disabled',
    'staff',
    'teachers',
    'classSizeBreaches',
    'resultsMissing',
    'droppedOut',
    'transferredOut',
    'transferredIn',
    'recorded',
    'present',
  ] as const)
    a[k] += b[k];
  add(a.learning, b.learning);
  add(a.training, b.training);
  add(a.awards, b.awards);
  add(a.promotion, b.promotion);
  return a;
}
