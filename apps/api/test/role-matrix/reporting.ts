import { MatrixEntry } from './types';

/** reports.read: the department, unit officers and school administrators (libs/domain identity/permissions.ts). */
const REPORT_READERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'] as const;

// --- The reports API (libs/api/reporting/src/reports) --------------------------------------------------------------
// Every report names an org unit (the fixture's school as {orgUnitId}/{schoolId}, or orgUnitId in the query or body):
// a school-bound role asking for another school's report is refused (403).
const REPORTS: Record<string, MatrixEntry> = {
  'GET /api/reports/units/{orgUnitId}': { roles: REPORT_READERS },
  'GET /api/reports/units/{orgUnitId}/export.xlsx': { roles: REPORT_READERS },
  'GET /api/reports/schools/{schoolId}': { roles: REPORT_READERS },
  'GET /api/reports/schools/{schoolId}/export.xlsx': { roles: REPORT_READERS },
  'GET /api/reports/schools/{schoolId}/classes/{classId}': { roles: REPORT_READERS },
  'GET /api/reports/compare': {
    roles: REPORT_READERS,
    sample: (f) => ({ query: { orgUnitId: f.schoolId, measure: 'pupils' } }),
  },
  'GET /api/reports/compare/export.xlsx': {
    roles: REPORT_READERS,
    sample: (f) => ({ query: { orgUnitId: f.schoolId, measure: 'pupils' } }),
  },
  'POST /api/reports/jobs': {
    roles: REPORT_READERS,
    sample: (f) => ({ body: { kind: 'PROVINCE_WORKBOOK', filter: { orgUnitId: f.schoolId } } }),
  },
  // {jobId} is an import job's id (or a fresh one): not a report job, so 404 — past the permission check.
  'GET /api/reports/jobs/{jobId}': { roles: REPORT_READERS },
  'GET /api/reports/jobs/{jobId}/file': { roles: REPORT_READERS },
};
// --- end of the reports API ----------------------------------------------------------------------------------------

export const REPORTING: Record<string, MatrixEntry> = {
  ...REPORTS,
};
