import { MatrixEntry, READERS_ALL, SCHOOL_ADMIN_ONLY } from './types';

/** people.export: the department, units and school administrators (not accountants or teachers). */
const EXPORTERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'] as const;

/** The people context's operations (see types.ts for what an entry declares). */
export const PEOPLE: Record<string, MatrixEntry> = {
  'GET /api/schools/{schoolId}/students': {
    roles: READERS_ALL,
    sample: () => ({ query: { q: 'nguyen', sort: '-name' } }),
  },
  'POST /api/schools/{schoolId}/students': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({
      body: {
        personalId: '034213998877',
        fullName: 'Trần Thị Quét',
        dateOfBirth: '2013-03-04',
        gender: 'MALE',
        ethnicity: '01',
        guardians: [
          { relation: 'MOTHER', fullName: 'Lê Thị Mẹ', phone: '0912345678', occupation: null, birthYear: 1985 },
        ],
      },
    }),
  },
  'GET /api/schools/{schoolId}/students/export.xlsx': {
    roles: EXPORTERS,
    sample: () => ({ query: { status: 'STUDYING', reason: 'Kiểm tra quyền truy cập (access sweep)' } }),
  },
  'POST /api/schools/{schoolId}/students/bulk/enrol': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { studentIds: [f.studentId], classId: f.classId } }),
  },
  'GET /api/schools/{schoolId}/students/{studentId}': { roles: READERS_ALL },
  'PATCH /api/schools/{schoolId}/students/{studentId}': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { version: 1 } }),
  },
  'POST /api/schools/{schoolId}/students/{studentId}/enrolment': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { classId: f.classId } }),
  },
  'POST /api/schools/{schoolId}/students/{studentId}/drop-out': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { reason: 'Gia đình chuyển đi', date: f.date } }),
  },
  // The sample names the caller's own school as the receiver (refused as 400): a sweep must not write into a school
  // it then checks was left untouched.
  'POST /api/schools/{schoolId}/students/{studentId}/transfers': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { toSchoolId: f.schoolId, effectiveOn: f.date, reason: 'Chuyển nơi ở' } }),
  },
  'GET /api/schools/{schoolId}/transfers': {
    roles: READERS_ALL,
    sample: () => ({ query: { direction: 'IN', status: 'PENDING' } }),
  },
  'POST /api/schools/{schoolId}/transfers/{transferId}/accept': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { classId: f.classId } }),
  },
  'POST /api/schools/{schoolId}/transfers/{transferId}/reject': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { note: 'Không đủ chỗ' } }),
  },
  'POST /api/schools/{schoolId}/transfers/{transferId}/cancel': { roles: SCHOOL_ADMIN_ONLY },
  'GET /api/transfer-targets': {
    roles: SCHOOL_ADMIN_ONLY,
    provinceWide: true,
    sample: () => ({ query: { q: 'thcs' } }),
  },
  'GET /api/schools/{schoolId}/promotions/preview': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ query: { yearId: f.yearId, grade: '9' } }),
  },
  'POST /api/schools/{schoolId}/promotions': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { schoolYearId: f.yearId, grade: '9', repeaterIds: [] } }),
  },
  // The department's and units' search across their schools (docs/domain/records.md, "Finding a pupil across schools").
  'GET /api/students/search': {
    roles: ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
    provinceWide: true,
    sample: () => ({ query: { q: 'nguyen' } }),
  },
};
