import PgBoss from 'pg-boss';
import { createSchool, createUser, startTestApp, TestApp } from './harness';
import { openYearWithClasses, STUDENT_HEADERS, studentRow, workbook } from './imports-fixtures';

/**
 * The runner re-checks the uploader when the job runs, for every kind: the job's writes are theirs, so a user who lost
 * the kind's permission or the school since the upload writes nothing. The jobs are queued here as an upload leaves
 * them (the import_job row, then a message on the queue the workers read), with the uploader already changed, so the
 * outcome does not depend on which API instance of the run picks the job up, nor when.
 */
describe('an import job re-checks its uploader when it runs', () => {
  let t: TestApp;
  let boss: PgBoss;
  let school: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, 'PGD-KC');
    await openYearWithClasses(t, 2086, [school.id], ['6A1']);
    boss = new PgBoss({
      connectionString: t.config.DATABASE_JOBS_URL,
      // The queue this spec file's applications work (the harness's per-worker schema).
      schema: t.config.JOB_QUEUE_SCHEMA,
      max: 1,
      schedule: false,
      supervise: false,
      migrate: false,
    });
    await boss.start();
  }, 120_000);
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await t.close();
  });

  async function userId(role: string, unitCode: string): Promise<string> {
    const username = await createUser(t, role, unitCode);
    return (await t.owner.query(`select id from app_user where username = $1`, [username]))[0].id;
  }

  /** A queued student import of one row, uploaded by `uploader`; answers the finished job row and its student's count. */
  async function runJob(
    uploader: string,
  ): Promise<{ status: string; message: string | null; created: number; students: number }> {
    const row = studentRow(0, '6A1');
    const personalId = row[STUDENT_HEADERS.indexOf('Mã định danh')];
    const [job] = await t.owner.query(
      `insert into import_job (school_id, kind, file_name, file, created_by, created_at, params) values ($1, 'STUDENTS', 'ds.xlsx', $2, $3, now(), '{}') returning id`,
      [school.id, await workbook(STUDENT_HEADERS, [row]), uploader],
    );
    await boss.send('people-import', { schoolId: school.id, jobId: job.id });
    const until = Date.now() + 30_000;
    for (;;) {
      const [done] = await t.owner.query(
        `select status, message, created_count from import_job where id = $1 and status in ('DONE', 'FAILED')`,
        [job.id],
      );
      if (done) {
        const [{ n }] = await t.owner.query(
          `select count(*)::int as n from student where school_id = $1 and personal_id = $2`,
          [school.id, personalId],
        );
        return { status: done.status, message: done.message, created: done.created_count, students: n };
      }
      if (Date.now() > until) throw new Error(`job ${job.id} not finished after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  it("runs the job of the school's administrator", async () => {
    expect(await runJob(await userId('SCHOOL_ADMIN', school.code))).toMatchObject({
      status: 'DONE',
      created: 1,
      students: 1,
    });
  });

  it('fails the job, writing nothing, when the uploader no longer holds the permission of the kind', async () => {
    const result = await runJob(await userId('TEACHER', school.code));
    expect(result).toMatchObject({ status: 'FAILED', created: 0, students: 0 });
    expect(result.message).toMatch(/không còn quyền nhập tệp này; không có dữ liệu nào được ghi/);
  });

  it('fails the job, writing nothing, when the uploader now administers another school', async () => {
    const other = await createSchool(t, 'PGD-KC');
    const result = await runJob(await userId('SCHOOL_ADMIN', other.code));
    expect(result).toMatchObject({ status: 'FAILED', created: 0, students: 0 });
    expect(result.message).toMatch(/không còn quyền nhập tệp này/);
  });

  it('fails the job when the uploader account is gone', async () => {
    const uploader = await userId('SCHOOL_ADMIN', school.code);
    await t.owner.query(`delete from app_user where id = $1`, [uploader]);
    expect(await runJob(uploader)).toMatchObject({
      status: 'FAILED',
      message: 'Không còn tài khoản đã tải tệp lên; không có dữ liệu nào được ghi.',
      students: 0,
    });
  });
});
