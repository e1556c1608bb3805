import {
  createClass,
  enrolStudents,
  insertStaff,
  openYearId,
  schoolWithAdmin,
  SchoolFixture,
  teacherLogin,
} from './academic-fixtures';
import type { Test } from 'supertest';
import { TestApp } from './harness';

/**
 * A fresh lower-secondary school with class 6A of the open year: teacher A teaches Toán (both semesters) and leads
 * the class, teacher B teaches Ngữ văn; three pupils. Each spec gets its own school, so specs never share rows.
 */
export interface GradingFixture {
  school: SchoolFixture;
  yearId: string;
  classId: string;
  studentIds: string[];
  teacherA: string;
  teacherB: string;
  staffA: string;
  staffB: string;
}

export async function gradingClass(
  t: TestApp,
  pupils = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường'],
): Promise<GradingFixture> {
  const school = await schoolWithAdmin(t);
  const yearId = await openYearId(t);
  const staffA = await insertStaff(t, school.id, 'Phạm Thu Hà', 'ACTIVE', ['TOAN']);
  const staffB = await insertStaff(t, school.id, 'Đỗ Minh Khôi', 'ACTIVE', ['NGU_VAN']);
  const { id: classId } = await createClass(t, school, {
    schoolYearId: yearId,
    name: '6A',
    grade: '6',
    homeroomStaffId: staffA,
  });
  await assign(t, school.id, classId, 'TOAN', staffA);
  await assign(t, school.id, classId, 'NGU_VAN', staffB);
  const studentIds = await enrolStudents(t, school.id, classId, pupils);
  return {
    school,
    yearId,
    classId,
    studentIds,
    staffA,
    staffB,
    teacherA: await teacherLogin(t, school.code, staffA),
    teacherB: await teacherLogin(t, school.code, staffB),
  };
}

/** Assigns `subject` of the class to a teacher for both semesters. */
export async function assign(
  t: TestApp,
  schoolId: string,
  classId: string,
  subject: string,
  staffId: string,
): Promise<void> {
  await t.owner.query(
    `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at)
     select $1, $2, $3, s, $4, now() from unnest(array[1, 2]) s`,
    [schoolId, classId, subject, staffId],
  );
}

export function sheetPath(f: GradingFixture, subject = 'TOAN', semester = 1): string {
  return `/api/schools/${f.school.id}/classes/${f.classId}/gradebook/${semester}/${subject}`;
}

/** A binary response (an .xlsx or a PDF) with its body kept as a Buffer. */
export function download(req: Test): Test {
  return req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}
