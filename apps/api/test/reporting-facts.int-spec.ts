import { randomUUID } from 'node:crypto';
import type { ClassResults, ResultSummary } from '@emis/contracts';
import { FactsRefresher } from '@emis/api/reporting';
import { todayInVietnam } from '@emis/domain';
import { OutboxRelay } from '@emis/api/platform';
import { createClass, insertStaff, personalId, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { assign, GradingFixture, gradingClass } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { studentBody } from './students-fixtures';

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

/**
 * Saves a subject's sheet with random cells for every pupil on it: pupils of `complete` get every cell, the others
 * miss some (uncomputed results); scores 3.0–10.0, ratings mostly Đạt.
 */
async function saveRandomSheet(
  t: TestApp,
  classPath: string,
  complete: readonly string[],
  next: () => number,
  token: string,
  code: string,
  semester: number,
): Promise<void> {
  const sheet = await t.http().get(`${classPath}/gradebook/${semester}/${code}`).set(bearer(token));
  expect(sheet.status).toBe(200);
  const rows = sheet.body.rows.map((r: { studentId: string; version: number }) => ({
    studentId: r.studentId,
    version: r.version,
    cells: Object.fromEntries(
      (sheet.body.columns as Column[])
        .filter(() => complete.includes(r.studentId) || next() > 0.3)
        .map((c) => [c.key, c.kind === 'SCORE' ? 3 + Math.round(next() * 70) / 10 : next() > 0.1 ? 'D' : 'CD']),
    ),
  }));
  const res = await t
    .http()
    .put(`${classPath}/gradebook/${semester}/${code}`)
    .set(bearer(token))
    .send({ requestId: randomUUID(), rows });
  expect({ code, semester, status: res.status }).toEqual({ code, semester, status: 200 });
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
  const byMeasure = (m: string) =>
    Object.fromEntries(rows.filter((r) => r.measure === m).map((r) => [r.code, r.pupils]));
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

  const randomSheet = (token: string, code: string, semester: number) =>
    saveRandomSheet(t, base(), f.studentIds.slice(0, 4), next, token, code, semester);

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    refresher = t.app.get(FactsRefresher);
    f = await gradingClass(t, [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Hoàng Cường',
      'Phạm Thị Dung',
      'Vũ Minh Em',
      'Đỗ Thu Hà',
    ]);
    const overview = await t.http().get(`${base()}/gradebook`).query({ semester: '1' }).set(bearer(f.school.admin));
    const subjects: { code: string }[] = overview.body.subjects;
    for (const s of subjects.filter((x) => !['TOAN', 'NGU_VAN'].includes(x.code)))
      await assign(t, f.school.id, f.classId, s.code, f.staffA);
    for (const s of subjects)
      for (const semester of [1, 2])
        await randomSheet(s.code === 'NGU_VAN' ? f.teacherB : f.teacherA, s.code, semester);
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
    expect(
      new Set(rows.map((r: { grade: string; school_year_id: string }) => `${r.grade}/${r.school_year_id}`)),
    ).toEqual(new Set([`6/${f.yearId}`]));
  });

  it.each(['HK1', 'HK2', 'CN'])(
    "%s: every subject's facts equal the averages and ratings of the page",
    async (period) => {
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
    },
  );

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
      (
        await t.owner.query(`select version::int as version from reporting.school_state where school_id = $1`, [
          f.school.id,
        ])
      )[0].version as number;
    const before = await read();
    await insertStaff(t, f.school.id, 'Hoàng Văn Nam');
    // Greater, not before + 1: a refresh job of the school (events of the earlier tests) may run in between.
    const version = await refresher.rebuildSchool(f.school.id, today);
    expect(version).toBeGreaterThan(before);
    expect(await read()).toBeGreaterThanOrEqual(version);
    const [{ staff }] = await t.owner.query(
      `select sum(staff)::int as staff from reporting.staff_count where school_id = $1`,
      [f.school.id],
    );
    expect(staff).toBe(3);
  });
});

const FACT_TABLES = [
  'subject_result',
  'class_outcome',
  'class_size',
  'headcount',
  'policy_count',
  'movement',
  'attendance',
  'staff_count',
];

/**
 * The incremental path (events → dirty marks → debounced job per school → refresh) against the full rebuild: after
 * random grade saves, new pupils, a class created, a move, a drop-out, a transfer between two schools and staff
 * hired and put on leave — all through the API — the facts the events left are exactly those a rebuild computes.
 */
describe('reporting facts kept current from events (real PostgreSQL, real pg-boss)', () => {
  let t: TestApp;
  let f: GradingFixture;
  let other: SchoolFixture;
  let otherClassId: string;
  const today = todayInVietnam();
  const next = random(4711);
  const schools = () => [f.school.id, other.id];
  const base = () => `/api/schools/${f.school.id}/classes/${f.classId}`;

  /** No event of the two schools waiting for the relay and no dirty mark waiting for a job (a claimed mark stays
   * visible until its refresh commits). Bounded: the spec fails rather than hang if the facts never settle. */
  async function settled(): Promise<void> {
    for (let round = 0; round < 600; round++) {
      const [{ waiting }] = await t.owner.query(
        `select (select count(*) from outbox where school_id = any($1::uuid[]) and published_at is null)
              + (select count(*) from reporting.dirty where school_id = any($1::uuid[])) as waiting`,
        [schools()],
      );
      if (Number(waiting) === 0) return;
      await t.app.get(OutboxRelay).relayPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the facts of the two schools never settled: events or dirty marks still waiting');
  }

  /** Every fact row of the two schools, in a stable order. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of FACT_TABLES) {
      out[table] = await t.owner.query(
        `select x.* from reporting.${table} x where x.school_id = any($1::uuid[]) order by row_to_json(x)::text`,
        [schools()],
      );
    }
    return out;
  }

  const version = async (schoolId: string) =>
    Number(
      (await t.owner.query(`select version from reporting.school_state where school_id = $1`, [schoolId]))[0]
        ?.version ?? 0,
    );

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t, [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Hoàng Cường',
      'Phạm Thị Dung',
      'Vũ Minh Em',
      'Đỗ Thu Hà',
    ]);
    other = await schoolWithAdmin(t);
    otherClassId = (await createClass(t, other, { schoolYearId: f.yearId, name: '6C', grade: '6' })).id;
    for (const code of ['TOAN', 'NGU_VAN'])
      for (const semester of [1, 2])
        await saveRandomSheet(t, base(), f.studentIds, next, code === 'TOAN' ? f.teacherA : f.teacherB, code, semester);
    // Both schools start from a rebuild, as after `reporting:rebuild`; the events take it from there.
    await settled();
    for (const id of schools()) await t.app.get(FactsRefresher).rebuildSchool(id, today);
  });
  afterAll(() => t.close());

  it('shows a grade save in the school facts without any rebuild', async () => {
    const before = await version(f.school.id);
    await saveRandomSheet(t, base(), f.studentIds, next, f.teacherA, 'TOAN', 1);
    await settled();
    expect(await version(f.school.id)).toBeGreaterThan(before);
    const page = await t.http().get(`${base()}/results`).query({ period: 'HK1' }).set(bearer(f.school.admin));
    const [fact] = await t.owner.query(
      `select pupils, scored, sum_tenths::int as sum_tenths, b80, b65, b50, b35, b00, rating_d, rating_cd, not_passed
         from reporting.subject_result where school_id = $1 and class_id = $2 and period = 'HK1' and subject_code = 'TOAN'`,
      [f.school.id, f.classId],
    );
    expect(fact).toEqual(expectedSubject(page.body.rows, 'TOAN'));
  });

  it('equals a full rebuild after random saves, new pupils, a new class, a move, a drop-out, a transfer and staff changes', async () => {
    const admin = f.school.admin;
    const [mover, leaver, transferred] = f.studentIds.slice(3);
    let classB = '';
    const steps: [string, () => Promise<{ status: number }>][] = [
      [
        'new pupil',
        () =>
          t
            .http()
            .post(`/api/schools/${f.school.id}/students`)
            .set(bearer(admin))
            .send(
              studentBody('Hoàng Thị Mai', {
                classId: f.classId,
                policyGroups: ['POOR_HOUSEHOLD', 'ORPHAN'],
                disability: 'VISUAL',
              }),
            ),
      ],
      [
        'new class',
        async () => {
          const res = await t
            .http()
            .post(`/api/schools/${f.school.id}/classes`)
            .set(bearer(admin))
            .send({ schoolYearId: f.yearId, name: '6B', grade: '6' });
          classB = res.body.id;
          return res;
        },
      ],
      [
        'move',
        () =>
          t
            .http()
            .post(`/api/schools/${f.school.id}/students/${mover}/enrolment`)
            .set(bearer(admin))
            .send({ classId: classB, fromDate: today }),
      ],
      [
        'drop-out',
        () =>
          t
            .http()
            .post(`/api/schools/${f.school.id}/students/${leaver}/drop-out`)
            .set(bearer(admin))
            .send({ reason: 'Gia đình chuyển vào Nam', date: today }),
      ],
      [
        'transfer',
        async () => {
          const released = await t
            .http()
            .post(`/api/schools/${f.school.id}/students/${transferred}/transfers`)
            .set(bearer(admin))
            .send({ toSchoolId: other.id, effectiveOn: today, reason: 'Chuyển nơi ở' });
          if (released.status !== 201) return released;
          return t
            .http()
            .post(`/api/schools/${other.id}/transfers/${released.body.id}/accept`)
            .set(bearer(other.admin))
            .send({ classId: otherClassId });
        },
      ],
      [
        'new staff',
        () =>
          t
            .http()
            .post(`/api/schools/${f.school.id}/staff`)
            .set(bearer(admin))
            .send({
              personalId: personalId(1968, 'MALE'),
              fullName: 'Trịnh Văn Sơn',
              dateOfBirth: '1968-02-03',
              gender: 'MALE',
              ethnicity: '01',
              position: 'TEACHER',
              contractType: 'CONTRACT',
              startDate: '2020-09-01',
              subjects: ['TOAN'],
              qualifications: [{ level: 'MASTER', major: 'Toán', institution: 'ĐHSP', year: 1995 }],
            }),
      ],
      [
        'staff on leave',
        async () => {
          const [{ version: v }] = await t.owner.query(`select version from staff where school_id = $1 and id = $2`, [
            f.school.id,
            f.staffB,
          ]);
          return t
            .http()
            .patch(`/api/schools/${f.school.id}/staff/${f.staffB}`)
            .set(bearer(admin))
            .send({ status: 'LEAVE', version: v });
        },
      ],
    ];
    for (const [i, [name, step]] of steps.entries()) {
      const res = await step();
      expect([name, res.status < 300 ? 'done' : res.status]).toEqual([name, 'done']);
      // Sometimes the refresh catches up before the next change, sometimes changes pile up in one refresh; before the
      // last saves it always catches up, so those saves reach the facts through their own events only.
      if (i === steps.length - 1 || next() < 0.5) await settled();
      // A few grade saves between the other changes, on whatever the class list now is.
      for (let i = 0; i < 1 + Math.floor(next() * 2); i++)
        await saveRandomSheet(
          t,
          base(),
          f.studentIds.slice(0, 2),
          next,
          f.teacherA,
          'TOAN',
          1 + Math.floor(next() * 2),
        );
    }
    await settled();
    const incremental = await snapshot();
    // The changes reached the facts: the dropped-out and transferred pupils are counted as movements of their grade.
    expect(incremental['movement']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ school_id: f.school.id, kind: 'DROPPED_OUT', grade: '6', pupils: 1 }),
        expect.objectContaining({ school_id: f.school.id, kind: 'TRANSFERRED_OUT', grade: '6', pupils: 1 }),
        expect.objectContaining({ school_id: other.id, kind: 'TRANSFERRED_IN', grade: '6', pupils: 1 }),
      ]),
    );
    expect(incremental['class_size']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ school_id: f.school.id, name: '6A', pupils: 4 }),
        expect.objectContaining({ school_id: f.school.id, name: '6B', pupils: 1 }),
        expect.objectContaining({ school_id: other.id, name: '6C', pupils: 1 }),
      ]),
    );
    for (const id of schools()) await t.app.get(FactsRefresher).rebuildSchool(id, today);
    expect(await snapshot()).toEqual(incremental);
  });
});
