import {
  CellValue,
  curriculumOf,
  gradebookColumns,
  GradeLevel,
  schemeFor,
  SCHEME_VERSIONS,
  semesterSubjectResult,
} from '@emis/domain';
import { openEnrolmentSql } from '@emis/api/people';
import { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { SeededRandom } from './seeded-random';

/**
 * Semester-I gradebooks of one school's classes (every curriculum subject, every pupil) and the homeroom teachers'
 * conduct ratings, so the results, the class summary and the report cards have something to show. Averages come
 * from the same domain rules as the API. Class 6A is left empty: the demo teacher fills its Toán sheet by hand.
 */
export async function seedGrades(em: EntityManager, schoolId: string, yearCode: string, now: Date): Promise<void> {
  const rng = new SeededRandom(20261126);
  const classes: { id: string; name: string; grade: GradeLevel }[] = await em.query(
    `select c.id, c.name, c.grade from class c join school_year y on y.id = c.school_year_id
      where c.school_id = $1 and y.code = $2 and c.name <> '6A' order by c.name`,
    [schoolId, yearCode],
  );
  const books: unknown[][] = [];
  const entries: unknown[][] = [];
  const conduct: unknown[][] = [];
  for (const cls of classes) {
    const scheme = schemeFor(yearCode, cls.grade);
    if (!scheme) continue;
    const pupils: { student_id: string }[] = await em.query(
      `select student_id from enrolment where school_id = $1 and class_id = $2 and ${openEnrolmentSql('enrolment')} order by student_id`,
      [schoolId, cls.id],
    );
    const ability = new Map(pupils.map((p) => [p.student_id, 5 + rng.next() * 4.5]));
    for (const entry of curriculumOf(cls.grade)) {
      const bookId = rng.uuid();
      const subject = { code: entry.subjectCode, assessment: entry.assessment, periodsPerYear: entry.periodsPerYear };
      books.push([
        schoolId,
        bookId,
        cls.id,
        entry.subjectCode,
        1,
        scheme,
        SCHEME_VERSIONS[scheme],
        entry.assessment,
        entry.periodsPerYear,
        now,
      ]);
      const columns = gradebookColumns(scheme, subject, cls.grade, 1, yearCode);
      for (const p of pupils) {
        const cells: Record<string, CellValue> = {};
        for (const c of columns) {
          if (!c.required && !rng.chance(0.5)) continue;
          cells[c.key] =
            c.kind === 'RATING'
              ? rng.chance(0.97)
                ? c.ratings![0]
                : c.ratings![c.ratings!.length - 1]
              : score(rng, ability.get(p.student_id)!, c.min ?? 0, c.max ?? 10, c.decimals ?? 1);
        }
        const result = semesterSubjectResult(scheme, subject, cls.grade, 1, cells, yearCode);
        entries.push([schoolId, bookId, p.student_id, cells, result.average, result.rating, now]);
      }
    }
    for (const p of pupils) {
      const a = ability.get(p.student_id)!;
      conduct.push([
        schoolId,
        cls.id,
        p.student_id,
        1,
        a > 7 || rng.chance(0.6) ? 'TOT' : rng.chance(0.8) ? 'KHA' : 'DAT',
        now,
      ]);
    }
  }
  await bulkInsert(
    em,
    'gradebook',
    {
      school_id: 'uuid',
      id: 'uuid',
      class_id: 'uuid',
      subject_code: 'text',
      semester: 'int',
      scheme: 'text',
      scheme_version: 'text',
      assessment: 'text',
      periods_per_year: 'int',
      created_at: 'timestamptz',
    },
    books,
  );
  await bulkInsert(
    em,
    'grade_entry',
    {
      school_id: 'uuid',
      gradebook_id: 'uuid',
      student_id: 'uuid',
      cells: 'jsonb',
      average: 'numeric',
      rating: 'text',
      updated_at: 'timestamptz',
    },
    entries,
  );
  await bulkInsert(
    em,
    'conduct_rating',
    {
      school_id: 'uuid',
      class_id: 'uuid',
      student_id: 'uuid',
      semester: 'int',
      training: 'text',
      updated_at: 'timestamptz',
    },
    conduct,
  );
}

/** A pupil's score around their ability, within the column's range and precision. */
function score(rng: SeededRandom, ability: number, min: number, max: number, decimals: number): number {
  const raw = Math.min(max, Math.max(min, ability + (rng.next() - 0.5) * 3));
  const step = decimals === 0 ? 1 : 10;
  return Math.round(raw * step) / step;
}
