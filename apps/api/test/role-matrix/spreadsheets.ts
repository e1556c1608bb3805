import { MatrixEntry, SCHOOL_ADMIN_ONLY } from './types';

/**
 * Who may follow import jobs: every role that can start one (the accountant: assets.manage, an inventory's checklist;
 * the department's administrator: finance.configure, the province's tuition levels, a job of the department's unit;
 * the department's and units' officers: people.import.schools, a student list spanning many schools).
 */
const JOB_FOLLOWERS = [
  'DEPARTMENT_ADMIN',
  'DEPARTMENT_OFFICER',
  'UNIT_OFFICER',
  'SCHOOL_ADMIN',
  'ACCOUNTANT',
  'TEACHER',
] as const;

/** A student list spanning many schools: the department's and units' users (people.import.schools). */
const MANY_SCHOOLS_IMPORTERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'] as const;

/**
 * The import routes (see types.ts for what an entry declares): the list uploads and templates, which people and staff
 * own, and the job routes of the spreadsheets library. Imports need people.import (school administrators). The sweep posts a JSON body to the upload operations: they answer 400 file_required,
 * which is past the permission check; real uploads are exercised in imports-*.int-spec.ts.
 */
export const IMPORTS: Record<string, MatrixEntry> = {
  'GET /api/schools/{schoolId}/imports/templates/students.xlsx': { roles: SCHOOL_ADMIN_ONLY },
  'GET /api/schools/{schoolId}/imports/templates/staff.xlsx': { roles: SCHOOL_ADMIN_ONLY },
  'POST /api/schools/{schoolId}/imports/students': { roles: SCHOOL_ADMIN_ONLY, sample: () => ({ body: {} }) },
  'POST /api/schools/{schoolId}/imports/staff': { roles: SCHOOL_ADMIN_ONLY, sample: () => ({ body: {} }) },
  'GET /api/schools/{schoolId}/imports': { roles: SCHOOL_ADMIN_ONLY, sample: () => ({ query: { page: '1' } }) },
  // Following a job: the school admin (any job), a teacher (grades.enter: their own gradebook imports, else 404), or
  // an accountant (assets.manage: their own asset list imports, else 404).
  'GET /api/schools/{schoolId}/imports/{jobId}': { roles: JOB_FOLLOWERS },
  'GET /api/schools/{schoolId}/imports/{jobId}/errors.xlsx': { roles: JOB_FOLLOWERS },
  'GET /api/units/{unitId}/imports/templates/students.xlsx': { roles: MANY_SCHOOLS_IMPORTERS },
  'POST /api/units/{unitId}/imports/students': { roles: MANY_SCHOOLS_IMPORTERS, sample: () => ({ body: {} }) },
};
