import { enrolledDuringSql, enrolledOnSql } from '@emis/api/people';
import { EnrolmentInterval, isEnrolledOn, overlaps } from '@emis/domain';
import { DataSource } from 'typeorm';
import { readTestEnv } from './test-env';

/** The people port's SQL fragments answer, in PostgreSQL, exactly what the domain predicates answer in TypeScript. */
describe('the enrolment interval in SQL and in TypeScript', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', url: readTestEnv().ownerUrl, extra: { max: 1 } });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  const intervals: EnrolmentInterval[] = [
    { fromDate: '2026-09-05', toDate: '2026-10-31' },
    { fromDate: '2026-11-01', toDate: null },
    { fromDate: '2026-10-15', toDate: '2026-10-15' },
  ];
  const days = [
    '2026-09-04',
    '2026-09-05',
    '2026-10-14',
    '2026-10-15',
    '2026-10-16',
    '2026-10-31',
    '2026-11-01',
    '2027-05-31',
  ];
  const rows = `(values ${intervals.map((_, i) => `($${2 * i + 1}::date, $${2 * i + 2}::date, ${i})`).join(', ')}) as e(from_date, to_date, i)`;
  const params = intervals.flatMap((e) => [e.fromDate, e.toDate]);

  it('enrolledOnSql covers the same days as isEnrolledOn, both ends inclusive', async () => {
    for (const day of days) {
      const n = params.length + 1;
      const found: { i: number }[] = await db.query(
        `select i from ${rows} where ${enrolledOnSql('e', `$${n}::date`)} order by i`,
        [...params, day],
      );
      expect({ day, in: found.map((r) => r.i) }).toEqual({
        day,
        in: intervals.flatMap((e, i) => (isEnrolledOn(e, day) ? [i] : [])),
      });
    }
  });

  it('enrolledDuringSql overlaps the same periods as overlaps', async () => {
    for (const from of days) {
      for (const to of days.filter((d) => d >= from)) {
        const n = params.length + 1;
        const found: { i: number }[] = await db.query(
          `select i from ${rows} where ${enrolledDuringSql('e', `$${n}::date`, `$${n + 1}::date`)} order by i`,
          [...params, from, to],
        );
        expect({ from, to, in: found.map((r) => r.i) }).toEqual({
          from,
          to,
          in: intervals.flatMap((e, i) => (overlaps(e, { from, to }) ? [i] : [])),
        });
      }
    }
  });
});
