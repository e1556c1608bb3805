import { MatrixEntry, SCHOOL_ADMIN_ONLY } from './types';

const STAFF_READERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT'] as const;
const EXPORTERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'] as const;

/** The staff context's operations (see types.ts for what an entry declares). */
export const STAFF: Record<string, MatrixEntry> = {
  'GET /api/schools/{schoolId}/staff': { roles: STAFF_READERS, sample: () => ({ query: { status: 'ACTIVE' } }) },
  'GET /api/schools/{schoolId}/staff/export.xlsx': {
    roles: EXPORTERS,
    sample: () => ({ query: { reason: 'Kiểm tra quyền truy cập (access sweep)' } }),
  },
  'POST /api/schools/{schoolId}/staff': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({
      body: {
        personalId: '033088001234',
        fullName: 'Trần Văn Kiểm',
        dateOfBirth: '1988-04-12',
        gender: 'MALE',
        ethnicity: '01',
        position: 'TEACHER',
        contractType: 'CONTRACT',
        startDate: '2012-09-01',
      },
    }),
  },
  'GET /api/schools/{schoolId}/staff/{staffId}': { roles: STAFF_READERS },
  'PATCH /api/schools/{schoolId}/staff/{staffId}': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { version: 1 } }),
  },
  // To the school the person is already at: the service refuses it with a field error, so the sweep moves nobody.
  'POST /api/schools/{schoolId}/staff/{staffId}/transfer': {
    roles: ['DEPARTMENT_ADMIN'],
    sample: (f) => ({ body: { toSchoolId: f.schoolId, effectiveOn: '2026-11-20', decisionNumber: '12/QĐ-SGDĐT' } }),
  },
};
