import type { AttendanceStatus, GradeLevel, SchoolLevel } from '@emis/domain';

/** GET /api/school-years, POST (calendar.manage), PATCH /:id, POST /:id/open, POST /:id/close. */
export interface SchoolYear {
  id: string;
  code: string;
  startsOn: string;
  endsOn: string;
  semester1Start: string;
  semester1End: string;
  semester2Start: string;
  semester2End: string;
  status: 'PLANNED' | 'OPEN' | 'CLOSED';
  closedAt: string | null;
}

/** Dates are ISO yyyy-MM-dd. */
export interface SchoolYearInput {
  code: string;
  startsOn: string;
  endsOn: string;
  semester1Start: string;
  semester1End: string;
  semester2Start: string;
  semester2End: string;
}

/** GET /api/schools/:schoolId/calendar/:yearId; PUT the same (calendar.override) with SemesterDates, DELETE to drop. */
export interface SemesterDates {
  semester1Start: string;
  semester1End: string;
  semester2Start: string;
  semester2End: string;
}

export interface SchoolCalendar extends SemesterDates {
  schoolYear: SchoolYear;
  /** True when the school has its own dates for this year. */
  overridden: boolean;
}

/** GET /api/subjects?level= */
export interface Subject {
  code: string;
  name: string;
  nameEn: string;
  levels: SchoolLevel[];
  assessment: 'SCORE' | 'COMMENT';
  periodsPerYear: number;
}

/** GET /api/schools/:schoolId/classes?yearId=&grade=&q=&page=&pageSize=&sort=name|grade → Page<ClassSummary>. */
export interface ClassSummary {
  id: string;
  schoolYearId: string;
  schoolYearCode: string;
  name: string;
  grade: GradeLevel;
  homeroomStaffId: string | null;
  homeroomName: string | null;
  room: string | null;
  programme: string | null;
  /** Students with an open enrolment. */
  size: number;
  /** Set when size exceeds the charter's ceiling for the grade: a warning, never a block. */
  sizeWarning: { ceiling: number; over: number } | null;
  version: number;
}

/** POST /api/schools/:schoolId/classes, PATCH /:classId (with version). */
export interface ClassInput {
  schoolYearId: string;
  name: string;
  grade: GradeLevel;
  homeroomStaffId?: string | null;
  room?: string | null;
  programme?: string | null;
}

export interface ClassUpdate extends Partial<Omit<ClassInput, 'schoolYearId'>> {
  version: number;
}

/** GET /api/schools/:schoolId/classes/:classId */
export interface ClassDetail extends ClassSummary {
  /**
   * The roster. `personalId` is masked (`0341•••••789`) for the roles that may see identity numbers and absent for
   * the others (a teacher): a roster is a list (docs/domain/personal-data.md).
   */
  students: { id: string; fullName: string; dateOfBirth: string; gender: 'MALE' | 'FEMALE'; personalId?: string }[];
  assignments: TeachingAssignment[];
}

/** GET /api/schools/:schoolId/classes/:classId/attendance/:date (yyyy-MM-dd) */
export interface AttendanceSheet {
  classId: string;
  date: string;
  /** True when nobody has recorded this day yet (every row shows PRESENT as the default). */
  unrecorded: boolean;
  /** Whether the caller may record this sheet (role, homeroom duty, open year), so the page can say so up front. */
  editable?: boolean;
  rows: { studentId: string; fullName: string; status: AttendanceStatus; note: string | null }[];
}

/** PUT /api/schools/:schoolId/classes/:classId/attendance/:date — the whole day of the class, in one transaction. */
export interface AttendanceSheetUpdate {
  entries: { studentId: string; status: AttendanceStatus; note?: string | null }[];
}

/** GET /api/schools/:schoolId/classes/:classId/attendance?month=yyyy-MM */
export interface MonthlyAttendance {
  classId: string;
  month: string;
  days: string[];
  rows: {
    studentId: string;
    fullName: string;
    /** Status by day (yyyy-MM-dd), only days recorded. */
    byDay: Record<string, AttendanceStatus>;
    totals: Record<AttendanceStatus, number>;
  }[];
}

/** GET /api/schools/:schoolId/assignments?yearId=&classId=&staffId= */
export interface TeachingAssignment {
  id: string;
  classId: string;
  className: string;
  subjectCode: string;
  subjectName: string;
  semester: 1 | 2;
  staffId: string;
  staffName: string;
}

/** PUT /api/schools/:schoolId/classes/:classId/assignments — a class's subject teachers for one semester. */
export interface ClassAssignmentsUpdate {
  semester: 1 | 2;
  /** staffId null removes the assignment of that subject. */
  items: { subjectCode: string; staffId: string | null }[];
}
