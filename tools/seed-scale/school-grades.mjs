// A school's gradebooks of the open year: for every graded class, every curriculum subject of its grade and both
// semesters, one gradebook stamped with its circular and one grade_entry per pupil whose stored average/rating is
// computed by libs/domain's semesterSubjectResult (the function the API's saves call), and the homeroom teacher's
// conduct ratings (Circular 22 training level; Circular 27 qualities and competencies for primary).

const YEAR_CODE = '2026-2027';
/** When the books were opened and last written: the first week and the last day of each semester (Hưng Yên). */
const SEMESTER_DATES = {
  1: ['2026-09-07T08:00:00+07:00', '2027-01-15T17:00:00+07:00'],
  2: ['2027-01-19T08:00:00+07:00', '2027-05-24T17:00:00+07:00'],
};
/** A pupil who missed a test not yet made up: that subject's result stays uncomputed, as the circulars require. */
const MISSING_ASSESSMENT = 0.002;

/**
 * @param built the loaded dist modules (built-api.mjs)
 * @param rng the run's one SeededRandom
 * @param rosters [{ id, grade, studentIds }] from school-people.mjs
 * @returns gradebooks written
 */
export function schoolGrades(built, rng, school, rosters, semesters, chunk) {
  const { domain } = built;
  let books = 0;
  for (const cls of rosters) {
    const scheme = domain.schemeFor(YEAR_CODE, cls.grade);
    if (!scheme) continue;
    const ability = cls.studentIds.map(() => 5 + rng.next() * 4.5);
    for (const semester of semesters) {
      const [opened, written] = SEMESTER_DATES[semester];
      for (const entry of domain.curriculumOf(cls.grade)) {
        const bookId = rng.uuid();
        const subject = { code: entry.subjectCode, assessment: entry.assessment, periodsPerYear: entry.periodsPerYear };
        chunk.gradebook.push([
          school.id,
          bookId,
          cls.id,
          entry.subjectCode,
          semester,
          scheme,
          domain.SCHEME_VERSIONS[scheme],
          entry.assessment,
          entry.periodsPerYear,
          opened,
        ]);
        books += 1;
        const columns = domain.gradebookColumns(scheme, subject, cls.grade, semester, YEAR_CODE);
        cls.studentIds.forEach((studentId, i) => {
          const cells = pupilCells(rng, columns, ability[i]);
          const result = domain.semesterSubjectResult(scheme, subject, cls.grade, semester, cells, YEAR_CODE);
          chunk.grade_entry.push([
            school.id,
            bookId,
            studentId,
            JSON.stringify(cells),
            result.average,
            result.rating,
            written,
          ]);
        });
      }
      cls.studentIds.forEach((studentId, i) =>
        chunk.conduct_rating.push(
          conductRow(rng, domain, school.id, cls.id, studentId, semester, scheme, ability[i], written),
        ),
      );
    }
  }
  return books;
}

/** One pupil's cells on one sheet: scores around the pupil's ability, ratings mostly the best. */
function pupilCells(rng, columns, ability) {
  const cells = {};
  const skip = rng.chance(MISSING_ASSESSMENT) ? rng.int(0, columns.length - 1) : -1;
  columns.forEach((c, k) => {
    if (k === skip || (!c.required && !rng.chance(0.5))) return;
    cells[c.key] =
      c.kind === 'RATING'
        ? rating(rng, c.ratings, ability)
        : score(rng, ability, c.min ?? 0, c.max ?? 10, c.decimals ?? 1);
  });
  return cells;
}

/** Đạt / Chưa đạt: almost always Đạt. Circular 27 T/H/C: Hoàn thành tốt for the stronger pupils. */
function rating(rng, ratings, ability) {
  if (ratings.length === 2) return rng.chance(0.995) ? ratings[0] : ratings[1];
  const x = ability + (rng.next() - 0.5) * 2;
  return x >= 8 ? ratings[0] : x >= 4.6 ? ratings[1] : ratings[2];
}

/** A score around the pupil's ability (±1.5), within the column's range and precision — the demo seed's rule. */
function score(rng, ability, min, max, decimals) {
  const raw = Math.min(max, Math.max(min, ability + (rng.next() - 0.5) * 3));
  const step = decimals === 0 ? 1 : 10;
  return Math.round(raw * step) / step;
}

function conductRow(rng, domain, schoolId, classId, studentId, semester, scheme, ability, at) {
  if (scheme === 'C27') {
    const qualities = Object.fromEntries(
      domain.PRIMARY_QUALITIES.map((q) => [
        q.code,
        rng.weighted([
          ['TOT', 45 + ability],
          ['DAT', 50],
          ['CAN_CO_GANG', 2],
        ]),
      ]),
    );
    return [schoolId, classId, studentId, semester, null, JSON.stringify(qualities), at];
  }
  const training =
    ability > 7 || rng.chance(0.6) ? 'TOT' : rng.chance(0.8) ? 'KHA' : rng.chance(0.95) ? 'DAT' : 'CHUA_DAT';
  return [schoolId, classId, studentId, semester, training, '{}', at];
}
