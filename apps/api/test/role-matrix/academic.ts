import { ANY, MatrixEntry, SCHOOL_ADMIN_ONLY } from './types';

const DEPARTMENT_ADMIN_ONLY = ['DEPARTMENT_ADMIN'] as const;
/** attendance.read and assignments.read: everyone but the accountant. */
const TEACHING_READERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'TEACHER'] as const;

/** The academic context's operations (see types.ts for what an entry declares). */
export const ACADEMIC: Record<string, MatrixEntry> = {
  'GET /api/school-years': { roles: ANY, provinceWide: true },
  // A year code the seed does not use: the first call creates it (a PLANNED year), later calls answer a field error.
  'POST /api/school-years': {
    roles: DEPARTMENT_ADMIN_ONLY,
    provinceWide: true,
    sample: () => ({
      body: {
        code: '2031-2032',
        startsOn: '2031-09-05',
        endsOn: '2032-05-31',
        semester1Start: '2031-09-05',
        semester1End: '2032-01-16',
        semester2Start: '2032-01-19',
        semester2End: '2032-05-25',
      },
    }),
  },
  'PATCH /api/school-years/{yearId}': {
    roles: DEPARTMENT_ADMIN_ONLY,
    provinceWide: true,
    sample: () => ({ body: {} }),
  },
  // The fixture's year is open and has not ended: both answer 409, which still proves the permission check passed.
  'POST /api/school-years/{yearId}/open': { roles: DEPARTMENT_ADMIN_ONLY, provinceWide: true },
  'POST /api/school-years/{yearId}/close': { roles: DEPARTMENT_ADMIN_ONLY, provinceWide: true },
  'GET /api/subjects': { roles: ANY, provinceWide: true, sample: () => ({ query: { level: 'LOWER_SECONDARY' } }) },
  'GET /api/schools/{schoolId}/calendar/{yearId}': { roles: ANY },
  'PUT /api/schools/{schoolId}/calendar/{yearId}': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({
      body: {
        semester1Start: '2026-09-05',
        semester1End: '2027-01-15',
        semester2Start: '2027-01-18',
        semester2End: '2027-05-25',
      },
    }),
  },
  'DELETE /api/schools/{schoolId}/calendar/{yearId}': { roles: SCHOOL_ADMIN_ONLY },
  'GET /api/schools/{schoolId}/classes': { roles: ANY, sample: (f) => ({ query: { yearId: f.yearId } }) },
  'GET /api/schools/{schoolId}/classes/export.xlsx': { roles: ANY, sample: (f) => ({ query: { yearId: f.yearId } }) },
  'POST /api/schools/{schoolId}/classes': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { schoolYearId: f.yearId, name: '6Z', grade: '6' } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}': { roles: ANY },
  'PATCH /api/schools/{schoolId}/classes/{classId}': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { version: 1 } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}/attendance': {
    roles: TEACHING_READERS,
    sample: () => ({ query: { month: '2026-11' } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}/attendance/{date}': { roles: TEACHING_READERS },
  // The teacher is the homeroom teacher of the fixture's class (6A); an empty sheet is accepted as "no change".
  'PUT /api/schools/{schoolId}/classes/{classId}/attendance/{date}': {
    roles: ['SCHOOL_ADMIN', 'TEACHER'],
    sample: () => ({ body: { entries: [] } }),
  },
  'GET /api/schools/{schoolId}/assignments': {
    roles: TEACHING_READERS,
    sample: (f) => ({ query: { yearId: f.yearId } }),
  },
  'PUT /api/schools/{schoolId}/classes/{classId}/assignments': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { semester: 2, items: [] } }),
  },
  'GET /api/province-settings/{yearId}': { roles: ANY, provinceWide: true },
  // An empty body: the department's call answers a field error (400), so the sweep never changes the shared year's rules.
  'PUT /api/province-settings/{yearId}': {
    roles: DEPARTMENT_ADMIN_ONLY,
    provinceWide: true,
    sample: () => ({ body: {} }),
  },
};
