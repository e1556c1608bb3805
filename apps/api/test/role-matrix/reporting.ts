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

// --- Public assets in the reports (issue 11, part H; libs/api/reporting/src/reports/assets-report.*) -----------------
// {orgUnitId} is the fixture's school: another school's caller is refused (403), like the other reports.
const ASSET_REPORTS: Record<string, MatrixEntry> = {
  'GET /api/reports/assets/{orgUnitId}': { roles: REPORT_READERS },
  'GET /api/reports/assets/{orgUnitId}/export.xlsx': { roles: REPORT_READERS },
};
// --- end of public assets in the reports ----------------------------------------------------------------------------

// --- School finance in the reports (issue 12, part H; libs/api/reporting/src/reports/finance-report.*) ---------------
// finance.read (the department, unit officers, the school's administrator and accountant). {orgUnitId} is the
// fixture's school: another school's caller is refused (403), like the other reports.
const FINANCE_READERS = [
  'DEPARTMENT_ADMIN',
  'DEPARTMENT_OFFICER',
  'UNIT_OFFICER',
  'SCHOOL_ADMIN',
  'ACCOUNTANT',
] as const;
const FINANCE_REPORTS: Record<string, MatrixEntry> = {
  'GET /api/reports/finance/{orgUnitId}': { roles: FINANCE_READERS },
  'GET /api/reports/finance/{orgUnitId}/export.xlsx': { roles: FINANCE_READERS },
};
// --- end of school finance in the reports ----------------------------------------------------------------------------

const REVIEWERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'] as const;

// --- The official statistical reports (forms) ----------------------------------------------------------------------
// {kind} is START_OF_YEAR. The unit-wide operations name the fixture's school as the unit, so another school's
// caller is refused (404) like on any school-owned object.
const FORMS: Record<string, MatrixEntry> = {
  'GET /api/schools/{schoolId}/statistical-reports/{yearId}/{kind}': { roles: REPORT_READERS },
  // The sample's version never matches a saved form twice: the school's admin gets 200 once, then 409.
  'PUT /api/schools/{schoolId}/statistical-reports/{yearId}/{kind}/manual': {
    roles: ['SCHOOL_ADMIN'],
    sample: () => ({ body: { manual: { CLASSROOMS: 12 }, version: 0 } }),
  },
  // Refused by the checks (rooms missing) or the version: the sweep submits nothing.
  'POST /api/schools/{schoolId}/statistical-reports/{yearId}/{kind}/submit': {
    roles: ['SCHOOL_ADMIN'],
    sample: () => ({ body: { version: 0 } }),
  },
  'POST /api/schools/{schoolId}/statistical-reports/{yearId}/{kind}/reopen': {
    roles: REVIEWERS,
    sample: () => ({ body: { reason: 'Kiểm tra quyền' } }),
  },
  'GET /api/schools/{schoolId}/statistical-reports/{yearId}/{kind}/export.xlsx': { roles: REPORT_READERS },
  'GET /api/schools/{schoolId}/statistical-reminders': { roles: REPORT_READERS },
  'GET /api/statistical-reports/status': {
    roles: REVIEWERS,
    sample: (f) => ({ query: { yearId: f.yearId, kind: 'START_OF_YEAR', orgUnitId: f.schoolId } }),
  },
  'POST /api/statistical-reports/reminders': {
    roles: REVIEWERS,
    sample: (f) => ({
      body: { yearId: f.yearId, kind: 'START_OF_YEAR', orgUnitId: f.schoolId, message: 'Nhắc nộp báo cáo' },
    }),
  },
  'GET /api/statistical-reports/aggregate': {
    roles: REVIEWERS,
    sample: (f) => ({ query: { yearId: f.yearId, kind: 'START_OF_YEAR', orgUnitId: f.schoolId } }),
  },
  'GET /api/statistical-reports/aggregate/export.xlsx': {
    roles: REVIEWERS,
    sample: (f) => ({ query: { yearId: f.yearId, kind: 'START_OF_YEAR', orgUnitId: f.schoolId } }),
  },
};
// --- end of the statistical reports ------------------------------------------------------------------------------

/** The reporting context's operations (see types.ts for what an entry declares). */
export const REPORTING: Record<string, MatrixEntry> = {
  ...REPORTS,
  ...ASSET_REPORTS,
  ...FINANCE_REPORTS,
  ...FORMS,
};
