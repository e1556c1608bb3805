import { randomUUID } from 'node:crypto';
import { ANY, MatrixEntry, SCHOOL_ADMIN_ONLY } from './types';

/** grades.read: everyone but the accountant (a teacher only for classes they teach or lead — the fixture's 6A). */
const GRADE_READERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'TEACHER'] as const;
const TEACHER_ONLY = ['TEACHER'] as const;

/** The gradebook's operations (see types.ts). The fixture teacher leads 6A and teaches its Toán (TOAN). */
export const GRADING: Record<string, MatrixEntry> = {
  'GET /api/schools/{schoolId}/classes/{classId}/gradebook': {
    roles: GRADE_READERS,
    sample: () => ({ query: { semester: '1' } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}/gradebook/{semester}/{subjectCode}': { roles: GRADE_READERS },
  // An empty save changes nothing; a fresh request id each time so no call replays another's answer.
  'PUT /api/schools/{schoolId}/classes/{classId}/gradebook/{semester}/{subjectCode}': {
    roles: TEACHER_ONLY,
    sample: () => ({ body: { requestId: randomUUID(), rows: [] } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}/gradebook/{semester}/{subjectCode}/history': { roles: GRADE_READERS },
  'GET /api/schools/{schoolId}/grading/locks': {
    roles: GRADE_READERS,
    sample: (f) => ({ query: { yearId: f.yearId } }),
  },
  // Semester 2 so the teacher's semester-1 saves elsewhere in the sweep stay possible.
  'POST /api/schools/{schoolId}/grading/locks': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { yearId: f.yearId, semester: 2 } }),
  },
  'DELETE /api/schools/{schoolId}/grading/locks/{yearId}/{semester}': { roles: SCHOOL_ADMIN_ONLY },
  'GET /api/schools/{schoolId}/grading/corrections': { roles: GRADE_READERS },
  // Semester 1 is not locked: the teacher gets 409 gradebook_not_locked, which still proves the permission passed.
  'POST /api/schools/{schoolId}/grading/corrections': {
    roles: TEACHER_ONLY,
    sample: (f) => ({
      body: {
        classId: f.classId,
        subjectCode: 'TOAN',
        semester: 1,
        studentId: f.studentId,
        cells: { TX1: 8 },
        reason: 'Nhập nhầm điểm',
      },
    }),
  },
  'POST /api/schools/{schoolId}/grading/corrections/{correctionId}/approve': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: {} }),
  },
  'POST /api/schools/{schoolId}/grading/corrections/{correctionId}/reject': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: {} }),
  },
  // Conduct, results and the printed books. An empty conduct save changes nothing (the fixture teacher leads 6A).
  'GET /api/schools/{schoolId}/classes/{classId}/conduct/{semester}': { roles: GRADE_READERS },
  'PUT /api/schools/{schoolId}/classes/{classId}/conduct/{semester}': {
    roles: TEACHER_ONLY,
    sample: () => ({ body: { rows: [] } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}/results': {
    roles: GRADE_READERS,
    sample: () => ({ query: { period: 'HK1' } }),
  },
  'GET /api/schools/{schoolId}/classes/{classId}/results/export.xlsx': {
    roles: GRADE_READERS,
    sample: () => ({ query: { period: 'HK1' } }),
  },
  // results.store: the school admin, or the class's homeroom teacher (the fixture teacher).
  'POST /api/schools/{schoolId}/classes/{classId}/results/{period}': { roles: ['SCHOOL_ADMIN', 'TEACHER'] },
  'GET /api/schools/{schoolId}/classes/{classId}/report-cards.pdf': {
    roles: GRADE_READERS,
    sample: () => ({ query: { period: 'HK1' } }),
  },
  // The sổ điểm in Excel. The sweep posts no file: the subject's teacher gets 400 file_required, past the permission.
  'GET /api/schools/{schoolId}/classes/{classId}/gradebook/{semester}/{subjectCode}/export.xlsx': {
    roles: GRADE_READERS,
  },
  'POST /api/schools/{schoolId}/classes/{classId}/gradebook/{semester}/{subjectCode}/import': {
    roles: TEACHER_ONLY,
    sample: () => ({ body: {} }),
  },
  // The whole school's scores in one workbook: the school and the readers above it, never a teacher or the accountant.
  'GET /api/schools/{schoolId}/gradebook/export.xlsx': {
    roles: ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
    sample: (f) => ({ query: { yearId: f.yearId, semester: '1' } }),
  },
  // The Circular 58 year conduct: the fixture's 6A is a Circular 22 class, so the readers and the homeroom teacher get
  // 400 notForScheme — past the permission.
  'GET /api/schools/{schoolId}/classes/{classId}/conduct/CN': { roles: GRADE_READERS },
  'PUT /api/schools/{schoolId}/classes/{classId}/conduct/CN': {
    roles: TEACHER_ONLY,
    sample: () => ({ body: { rows: [] } }),
  },
  // Year-end decisions on awards and completion: read like the results, decided by the school (an empty list is 400).
  'GET /api/schools/{schoolId}/classes/{classId}/recognitions': { roles: GRADE_READERS },
  'PUT /api/schools/{schoolId}/classes/{classId}/recognitions': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { decisions: [] } }),
  },
  // The demo year's settings were never changed: a recompute answers 409 recompute_not_needed (no run started);
  // the run's job id is a fresh one (404).
  'POST /api/province-settings/{yearId}/recompute': { roles: ['DEPARTMENT_ADMIN'], provinceWide: true },
  'GET /api/province-settings/{yearId}/recompute/{jobId}': {
    roles: ['DEPARTMENT_ADMIN'],
    provinceWide: true,
  },
  // Grade 9 completion (Circular 31/2023): the school and the readers above it read; the school's admin decides. The
  // council sample names a year that does not exist (400 past the permission), so the sweep never uses up a sitting;
  // the council of the decision and the PDF is a fresh id (404 past the permission).
  'GET /api/schools/{schoolId}/completion': {
    roles: ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
    sample: (f) => ({ query: { yearId: f.yearId } }),
  },
  'POST /api/schools/{schoolId}/completion/councils': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({
      body: { schoolYearId: randomUUID(), heldOn: '2027-06-05', chairName: 'Nguyễn Văn Hiệu', members: ['Lê Thư Ký'] },
    }),
  },
  'PUT /api/schools/{schoolId}/completion/councils/{councilId}/decisions': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { decisions: [{ studentId: f.studentId, completes: true }] } }),
  },
  'GET /api/schools/{schoolId}/completion/councils/{councilId}/decision.pdf': {
    roles: ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  },
  'GET /api/schools/{schoolId}/students/{studentId}/completion': {
    roles: ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  },
  // The school's home (issue 16): a teacher's own assignments; the principal and the department the whole school.
  'GET /api/schools/{schoolId}/home': { roles: GRADE_READERS },
  // The caller's own notifications (issue 16): anyone signed in; {id} is no notification of theirs (404 past the check).
  'GET /api/notifications': { roles: ANY, provinceWide: true },
  'GET /api/notifications/unread': { roles: ANY, provinceWide: true },
  'POST /api/notifications/{id}/read': { roles: ANY, provinceWide: true },
  // Any gradebook lock by id, narrowed or school-wide (issue 16): the principal.
  'DELETE /api/schools/{schoolId}/grading/locks/{lockId}': { roles: SCHOOL_ADMIN_ONLY },
  // The school's award decisions of a year (issue 15): counts read like the gradebook; the list of awards exported by
  // the school, which decides them.
  'GET /api/schools/{schoolId}/recognitions': {
    roles: GRADE_READERS,
    sample: (f) => ({ query: { yearId: f.yearId } }),
  },
  'GET /api/schools/{schoolId}/recognitions/export.xlsx': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ query: { yearId: f.yearId } }),
  },
};
