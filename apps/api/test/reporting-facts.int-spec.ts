import { randomUUID } from 'node:crypto';
import type { ClassResults, ResultSummary } from '@emis/contracts';
import { FactsRefresher } from '@emis/api/reporting';
import { todayInVietnam } from '@emis/domain';
import { insertStaff } from './academic-fixtures';
import { assign, GradingFixture, gradingClass } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

interface Column {
  key: string;
  kind: 'SCORE' | 'RATING';
}

/** A small deterministic generator (mulberry32), so a failure can be replayed with the same seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The subject tally of one period worked out here from the page's rows, independently of the refresher's code. */
function expectedSubject(rows: ClassResults['rows'], code: string) {
  const results = rows.map((r) => r.subjects[code]);
  const averages = results.filter((r) => r.average !== null).map((r) => Math.round(r.average! * 10));
  const band = (lo: number, hi: number) => averages.filter((a) => a >= lo && a < hi).length;
  return {
    pupils: rows.length,
    scored: averages.length,
    sum_tenths: averages.reduce((s, a) => s + a, 0),
    b80: band(80, 101),
    b65: band(65, 80),
    b50: band(50, 65),
    b35: band(35, 50),
    b00: band(0, 35),
    rating_d: results.filter((r) => r.rating === 'D').length,
    rating_cd: results.filter((r) => r.rating === 'CD').length,
    not_passed: results.filter((r) => (r.average !== null ? Math.round(r.average * 10) < 50 : r.rating === 'CD'))
      .length,
  };
}

/** The class results summary read back from class_outcome rows. */
function summaryFromOutcomes(rows: { measure: string; code: string; pupils: number }[]): ResultSummary {
  const byMeasure = (m: string) => Object.fromEntries(rows.filter((r) => r.measure === m).map((r) => [r.code, r.pupils]));
  return {
    students: rows.find((r) => r.measure === 'pupils')?.pupils ?? -1,
    incomplete: rows.find((r) => r.measure === 'missing')?.pupils ?? -1,
    learning: byMeasure('learning'),
    training: byMeasure('training'),
    awards: byMeasure('award'),
    promotion: byMeasure('promotion'),
  };
}

/**
 * The reporting read model against what the owners' own pages show: after a full rebuild, a class's facts equal the
 * class results page of each period (summary and every subject's averages), and the school's headcount and class
 * sizes equal its enrolled pupils. Grades are entered through the real gradebook save, at random (seeded).
 */
describe('reporting facts (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;
  let refresher: FactsRefresher;
  const today = todayInVietnam();
  const next = random(20261205);

  const base = () => `/api/schools/${f.school.id}/classes/${f.classId}`;
  const results = async (period: string): Promise<ClassResults> => {
    const res = await t.http().get(`${base()}/results`).query({ period }).set(bearer(f.school.admin));
    expect(res.status).toBe(200);
    return res.body;
  };

  /**
   * Saves a subject's sheet with random cells for every pupil: the first four pupils get every cell, the others miss
   * some (uncomputed results); scores 3.0–10.0, ratings mostly Đạt.
   */
  async function randomSheet(token: string, code: string, semester: number): Promise<void> {
    const sheet = await t.http().get(`${base()}/gradebook/${semester}/${code}`).set(bearer(token));
    expect(sheet.status).toBe(200);
    const rows = sheet.body.rows.map((r: { studentId: string; version: number }) => ({
      studentId: r.studentId,
      version: r.version,
      cells: Object.fromEntries(
        (sheet.body.columns as Column[])
          .filter(() => f.studentIds.indexOf(r.studentId) < 4 || next() > 0.3)
          .map((c) => [c.key, c.kind === 'SCORE' ? 3 + Math.round(next() * 70) / 10 : next() > 0.1 ? 'D' : 'CD']),
      ),
    }));
    const res = await t
      .http()
      .put(`${base()}/gradebook/${semester}/${code}`)
      .set(bearer(token))
      .send({ requestId: randomUUID(), rows });
    expect({ code, semester, status: res.status }).toEqual({ code, semester, status: 200 });
  }

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    refresher = t.app.get(FactsRefresher);
    f = await gradingClass(t, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Vũ Minh Em', 'Đỗ Thu Hà']);
    const overview = await t.http().get(`${base()}/gradebook`).query({ semester: '1' }).set(bearer(f.school.admin));
    const subjects: { code: string }[] = overview.body.subjects;
    for (const s of subjects.filter((x) => !['TOAN', 'NGU_VAN'].includes(x.code)))
      await assign(t, f.school.id, f.classId, s.code, f.staffA);
    for (const s of subjects)
      for (const semester of [1, 2]) await randomSheet(s.code === 'NGU_VAN' ? f.teacherB : f.teacherA, s.code, semester);
    const levels = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];
    for (const semester of [1, 2]) {
      const rows = f.studentIds
        .filter((_, i) => i < 4 || next() > 0.5)
        .map((studentId) => ({ studentId, version: 0, training: levels[Math.floor(next() * 4)] }));
      const res = await t.http().put(`${base()}/conduct/${semester}`).set(bearer(f.teacherA)).send({ rows });
      expect(res.status).toBe(200);
    }
    await refresher.rebuildSchool(f.school.id, today);
  });
  afterAll(() => t.close());

  it.each(['HK1', 'HK2', 'CN'])('%s: the class outcome facts equal the class results summary', async (period) => {
    const page = await results(period);
    const rows = await t.owner.query(
      `select measure, code, pupils, grade, school_year_id from reporting.class_outcome
        where school_id = $1 and class_id = $2 and period = $3`,
      [f.school.id, f.classId, period],
    );
    expect(summaryFromOutcomes(rows)).toEqual(page.summary);
    expect(page.summary.students).toBe(6);
    expect(new Set(rows.map((r: { grade: string; school_year_id: string }) => `${r.grade}/${r.school_year_id}`))).toEqual(
      new Set([`6/${f.yearId}`]),
    );
  });

  it.each(['HK1', 'HK2', 'CN'])("%s: every subject's facts equal the averages and ratings of the page", async (period) => {
    const page = await results(period);
    const facts = await t.owner.query(
      `select subject_code, pupils, scored, sum_tenths::int as sum_tenths, b80, b65, b50, b35, b00, rating_d, rating_cd,
              not_passed
         from reporting.subject_result where school_id = $1 and class_id = $2 and period = $3`,
      [f.school.id, f.classId, period],
    );
    expect(facts.map((r: { subject_code: string }) => r.subject_code).sort()).toEqual(
      page.subjects.map((s) => s.code).sort(),
    );
    for (const s of page.subjects) {
      const { subject_code: _code, ...fact } = facts.find((r: { subject_code: string }) => r.subject_code === s.code);
      expect({ subject: s.code, ...fact }).toEqual({ subject: s.code, ...expectedSubject(page.rows, s.code) });
    }
    // The random sheets leave some results uncomputed and compute others: both cases are exercised.
    expect(page.summary.incomplete).toBeGreaterThan(0);
    expect(page.summary.incomplete).toBeLessThan(page.summary.students);
    const scored = facts.reduce((n: number, r: { scored: number }) => n + r.scored, 0);
    expect(scored).toBeGreaterThan(0);
    expect(scored).toBeLessThan(facts.reduce((n: number, r: { pupils: number }) => n + r.pupils, 0));
  });

  it("counts the school's enrolled pupils in its headcount and class sizes, and its staff in post", async () => {
    const [{ enrolled }] = await t.owner.query(
      `select count(*)::int as enrolled from enrolment
        where school_id = $1 and from_date <= $2::date and (to_date is null or to_date >= $2::date)`,
      [f.school.id, today],
    );
    const [{ headcount }] = await t.owner.query(
      `select coalesce(sum(pupils), 0)::int as headcount from reporting.headcount where school_id = $1`,
      [f.school.id],
    );
    const sizes = await t.owner.query(
      `select class_id, grade, name, pupils, ceiling from reporting.class_size where school_id = $1`,
      [f.school.id],
    );
    expect(enrolled).toBe(6);
    expect(headcount).toBe(enrolled);
    expect(sizes).toEqual([{ class_id: f.classId, grade: '6', name: '6A', pupils: 6, ceiling: 45 }]);
    const [{ staff }] = await t.owner.query(
      `select coalesce(sum(staff), 0)::int as staff from reporting.staff_count where school_id = $1`,
      [f.school.id],
    );
    expect(staff).toBe(2);
  });

  it('stamps the school with a growing version at each refresh', async () => {
    const read = async () =>
      (await t.owner.query(`select version::int as version from reporting.school_state where school_id = $1`, [f.school.id]))[0]
        .version as number;
    const before = await read();
    await insertStaff(t, f.school.id, 'Hoàng Văn Nam');
    expect(await refresher.rebuildSchool(f.school.id, today)).toBe(before + 1);
    expect(await read()).toBe(before + 1);
    const [{ staff }] = await t.owner.query(
      `select sum(staff)::int as staff from reporting.staff_count where school_id = $1`,
      [f.school.id],
    );
    expect(staff).toBe(3);
  });
});
