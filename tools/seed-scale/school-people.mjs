// The people of one school of the scale province, made by the demo seed's own generators (buildStaff,
// buildClassStudents): staff with qualifications and employment history, the classes of the open year with their
// homeroom teachers, pupils with guardians and enrolments, teaching assignments for both semesters, and the
// principal's account. Returns the rows, and what the gradebook pass needs (classes with their pupils).

/**
 * The open year starts on 5 September 2026 (Hưng Yên's calendar, as in the demo). Every pupil's enrolment begins that
 * day (inclusive) with no last day (to_date null, still in the class), as the demo seed writes them.
 */
const OPEN_YEAR_START = '2026-09-05';
/** A primary class teacher teaches the class's core subjects (the demo's PRIMARY_CLASS_SUBJECTS). */
const PRIMARY_CLASS_SUBJECTS = ['TIENG_VIET', 'TOAN', 'DAO_DUC', 'TU_NHIEN_XA_HOI', 'KHOA_HOC', 'LICH_SU_DIA_LY'];

/**
 * @param built the loaded dist modules (built-api.mjs)
 * @param ctx { rng: the run's one SeededRandom, ids: PersonalIds, openYearId, createdAt, passwordHash }
 */
export function schoolPeople(built, ctx, school, classes, chunk) {
  const { rng } = ctx;
  const unit = {
    code: school.code,
    kind: 'SCHOOL',
    name: school.name,
    levels: school.levels,
    principal: school.principal,
    address: school.address,
  };
  const { staff, homerooms, assignments } = built.buildStaff(rng, ctx.ids, unit, school.province, classes);
  addStaff(rng, chunk, school.id, staff, ctx.createdAt);
  classes.forEach((c, i) =>
    chunk.class.push([
      school.id,
      c.id,
      ctx.openYearId,
      c.name,
      c.grade,
      homerooms[i],
      c.room,
      c.programme,
      ctx.createdAt,
      ctx.createdAt,
    ]),
  );
  addAssignments(built, rng, chunk, school.id, classes, homerooms, assignments, ctx.createdAt);
  const rosters = classes.map((c, i) => {
    const { students, guardians } = built.buildClassStudents(rng, ctx.ids, c, school.province, school.address);
    for (const s of students) {
      chunk.student.push([
        school.id,
        s.id,
        s.personalId,
        s.fullName,
        s.dateOfBirth,
        s.gender,
        s.ethnicity,
        s.religion,
        s.placeOfBirth,
        s.address,
        s.address,
        s.policyGroups,
        s.disability,
        ctx.createdAt,
        ctx.createdAt,
      ]);
      chunk.enrolment.push([school.id, rng.uuid(), s.id, c.id, ctx.openYearId, OPEN_YEAR_START]);
    }
    for (const g of guardians)
      chunk.guardian.push([school.id, g.id, g.studentId, g.relation, g.fullName, g.phone, g.occupation, g.birthYear]);
    return {
      id: c.id,
      grade: c.grade,
      level: c.level,
      homeroomId: homerooms[i],
      studentIds: students.map((s) => s.id),
    };
  });
  // Every school has its principal's account (SCHOOL_ADMIN, MFA enrolled at the first sign-in) and one teacher's
  // (the first class's homeroom teacher), each on their staff record, as the demo's users are.
  const teacher = staff.find((s) => s.id === homerooms[0]);
  const account = (username, person, role) =>
    chunk.app_user.push([
      rng.uuid(),
      `${username}.${school.code.toLowerCase()}`,
      ctx.passwordHash,
      person.fullName,
      role,
      school.id,
      person.id,
      ctx.createdAt,
      ctx.createdAt,
    ]);
  account('hieutruong', staff[0], 'SCHOOL_ADMIN');
  if (teacher) account('giaovien', teacher, 'TEACHER');
  return { staffCount: staff.length, rosters };
}

function addStaff(rng, chunk, schoolId, staff, at) {
  for (const s of staff) {
    chunk.staff.push([
      schoolId,
      s.id,
      s.personalId,
      s.fullName,
      s.dateOfBirth,
      s.gender,
      s.ethnicity,
      s.phone,
      s.position,
      s.contractType,
      s.rankCode,
      s.salaryCoefficient,
      s.salaryStep,
      s.qualifications,
      s.subjects,
      s.startDate,
      s.status,
      s.partyMember,
      s.unionMember,
      at,
      at,
    ]);
    for (const h of s.history)
      chunk.staff_history.push([schoolId, rng.uuid(), s.id, h.kind, h.effectiveOn, h.details, at]);
  }
}

/**
 * The demo's semester-I assignments of the core secondary subjects, kept for semester II, plus each primary class's
 * teacher for the class subjects of its grade's curriculum, both semesters.
 */
function addAssignments(built, rng, chunk, schoolId, classes, homerooms, assignments, at) {
  for (const semester of [1, 2]) {
    for (const a of assignments)
      chunk.teaching_assignment.push([schoolId, rng.uuid(), a.classId, a.subjectCode, semester, a.staffId, at]);
    classes.forEach((c, i) => {
      if (c.level !== 'PRIMARY') return;
      for (const entry of built.domain.curriculumOf(c.grade)) {
        if (PRIMARY_CLASS_SUBJECTS.includes(entry.subjectCode))
          chunk.teaching_assignment.push([schoolId, rng.uuid(), c.id, entry.subjectCode, semester, homerooms[i], at]);
      }
    });
  }
}
