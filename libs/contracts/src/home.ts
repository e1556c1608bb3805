/**
 * GET /api/schools/:schoolId/home?yearId=&semester= — the school's home (docs/domain/gradebook.md, "Homes").
 * A teacher gets their own teaching assignments with what is left to enter; the principal (and whoever reads the
 * whole school's gradebooks) also the school's progress, pending corrections and class-size breaches.
 */
export interface GradeEntryProgress {
  classId: string;
  className: string;
  grade: string;
  subjectCode: string;
  subjectName: string;
  subjectNameEn: string;
  staffId: string;
  teacherName: string;
  /** Pupils in the class now. */
  pupils: number;
  /** Required cells of the semester's columns holding a value, pupils now in the class only. */
  filled: number;
  /** Pupils × the semester's required columns. */
  expected: number;
}

export interface ClassSizeBreach {
  classId: string;
  className: string;
  grade: string;
  pupils: number;
  ceiling: number;
}

export interface SchoolHome {
  /** The year shown: the one asked for, else the latest open year the school has classes in; null when none. */
  schoolYearId: string | null;
  schoolYearCode: string | null;
  /** The semester shown: the one asked for, else the one today falls in by the school's calendar. */
  semester: 1 | 2;
  /** The caller's own assignments (empty for someone who teaches nothing). */
  mine: GradeEntryProgress[];
  /** Correction requests waiting for a decision: the whole school's for the principal, the caller's own otherwise. */
  pendingCorrections: number;
  /** The whole school's progress, class × subject × teacher; null for a teacher. */
  progress: GradeEntryProgress[] | null;
  /** Classes above the ceiling of the year's rule settings; null for a teacher. */
  classSizeBreaches: ClassSizeBreach[] | null;
}
