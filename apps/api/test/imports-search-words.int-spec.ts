import { bearer, createUser, startTestApp, TestApp } from './harness';
import {
  importFile,
  openYearWithClasses,
  schoolWithAdmin,
  STUDENT_HEADERS,
  studentRow,
  workbook,
} from './imports-fixtures';

const NAME = STUDENT_HEADERS.indexOf('Họ và tên');
const ID = STUDENT_HEADERS.indexOf('Mã định danh');

/**
 * The student import writes its pupils' search words set-wise, one statement per school, with the per-pupil trigger
 * skipped for that insert (migration WriteSearchWordsSetWise1765000002500, docs/benchmarks.md): the words must be
 * exactly those the trigger writes for any other writer, so the province-wide search (docs/domain/records.md,
 * "Finding a pupil across schools") finds an imported pupil as it finds one entered on screen.
 */
describe('the student import writes the search words set-wise, exactly as the trigger would', () => {
  let t: TestApp;
  let schoolId: string;
  let token: string;
  /** A word no other spec's pupil carries (the search then answers only this spec's pupils); letters only, as a name is. */
  const rare = `Khuê${[...String(process.pid)].map((d) => 'abcdefghik'[Number(d)]).join('')}`;
  const folded = rare
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, token } = await schoolWithAdmin(t));
    await openYearWithClasses(t, 2111, [schoolId], ['6A1', '6A2']);
  });
  afterAll(() => t.close());

  /** The school's word rows that differ from the trigger's definition, either way (none expected). */
  const mismatches = async () =>
    (
      await t.owner.query(
        `with expected as (
           select s.school_id, s.id as student_id, w as word, concat_ws(' ', s.given_name, nullif(s.middle_name, ''), s.family_name) as sort_name
             from student s cross join lateral unnest(student_search_words(s.full_name)) w where s.school_id = $1),
         actual as (select school_id, student_id, word, sort_name from student_search_word where school_id = $1)
         select count(*)::int as n from ((select * from expected except select * from actual)
                                         union all (select * from actual except select * from expected)) d`,
        [schoolId],
      )
    )[0].n as number;
  const wordsOf = async (personalId: string) =>
    (
      await t.owner.query(
        `select array_agg(w.word order by w.word) as words
           from student s join student_search_word w on w.school_id = s.school_id and w.student_id = s.id
          where s.school_id = $1 and s.personal_id = $2`,
        [schoolId, personalId],
      )
    )[0].words as string[] | null;

  it('gives every imported pupil the words and sort name the trigger gives, and the search finds them in any word order, case and accent', async () => {
    // The same name written as clerks type it: precomposed, decomposed (NFD), the old tone placement, odd spacing.
    const names = [`Nguyễn Thùy ${rare}`, `Nguyễn Thùy ${rare}`.normalize('NFD'), `  NGUYỄN   Thuỳ   ${rare} `];
    const rows = [
      ...names.map((name, i) => studentRow(i, '6A1', { 'Họ và tên': name })),
      ...Array.from({ length: 30 }, (_, i) => studentRow(10 + i, i % 2 ? '6A1' : '6A2')),
    ];
    const job = await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, rows));
    expect({ ...job, errors: job.errors ?? [] }).toMatchObject({ status: 'DONE', created: rows.length, errors: [] });
    expect(await mismatches()).toBe(0);
    expect(await wordsOf(rows[0][ID] as string)).toEqual([folded, 'nguyen', 'thuy']);
    expect(await wordsOf(rows[3][ID] as string)).toHaveLength(3);

    const officer = await t.login(await createUser(t, 'UNIT_OFFICER', 'PGD-KC'));
    for (const q of [`thuy ${folded} nguyen`, `  ${rare.toUpperCase()} nguyễn THÙY `, `Nguyen Thuy ${rare}`]) {
      const res = await t.http().get('/api/students/search').query({ q }).set(bearer(officer));
      expect(res.status).toBe(200);
      expect(res.body.items.map((h: { schoolId: string }) => h.schoolId)).toEqual([schoolId, schoolId, schoolId]);
    }
  });

  it('replaces the words of a pupil a later list renames (the trigger on update still runs for the import)', async () => {
    const row = studentRow(50, '6A1', { 'Họ và tên': `Lê Văn ${rare}` });
    expect(await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, [row]))).toMatchObject({
      status: 'DONE',
      created: 1,
    });
    row[NAME] = 'Lê Đức Hải';
    expect(await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, [row]))).toMatchObject({
      status: 'DONE',
      updated: 1,
    });
    expect(await wordsOf(row[ID] as string)).toEqual(['duc', 'hai', 'le']);
    expect(await mismatches()).toBe(0);
  });

  it('keeps the trigger for every other writer: only a writer that sets emis.search_words to set-wise is skipped', async () => {
    // One connection, one transaction, rolled back: the spec's school keeps none of these pupils.
    const owner = t.owner.createQueryRunner();
    await owner.connect();
    const insert = (personalId: string) =>
      owner.query(
        `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
         values ($1, $2, 'Phạm Ngọc Ánh', '2013-02-03', 'FEMALE', now(), now())`,
        [schoolId, personalId],
      );
    const words = async (personalId: string) =>
      (
        await owner.query(
          `select array_agg(w.word order by w.word) as words
             from student s join student_search_word w on w.school_id = s.school_id and w.student_id = s.id
            where s.school_id = $1 and s.personal_id = $2`,
          [schoolId, personalId],
        )
      )[0].words as string[] | null;
    await owner.startTransaction();
    try {
      await insert('034313999901');
      expect(await words('034313999901')).toEqual(['anh', 'ngoc', 'pham']);
      await owner.query(`set local emis.search_words = 'set-wise'`);
      await insert('034313999902');
      expect(await words('034313999902')).toBeNull();
      await owner.query(`set local emis.search_words = 'trigger'`);
      await insert('034313999903');
      expect(await words('034313999903')).toEqual(['anh', 'ngoc', 'pham']);
    } finally {
      await owner.rollbackTransaction();
      await owner.release();
    }
  });
});
