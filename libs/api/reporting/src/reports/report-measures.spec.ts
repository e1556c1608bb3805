import { emptyRaw, RawSubject } from './raw-measures';
import { publishMeasures, publishSubject } from './report-measures';

const subject: RawSubject = {
  key: '',
  grade: '6',
  subjectCode: 'TOAN',
  subjectName: 'Toán',
  pupils: 40,
  scored: 4,
  sumTenths: 260,
  b80: 0,
  b65: 2,
  b50: 2,
  b35: 0,
  b00: 0,
  ratingD: 0,
  ratingCd: 0,
  ratingT: 0,
  ratingH: 0,
  ratingC: 0,
  notPassed: 0,
};

describe('publishing summed facts', () => {
  it('withholds counts of 1 to 4 above the school and says so, but keeps rates from the unrounded sums', () => {
    const raw = { ...emptyRaw(), pupils: 40, female: 3, learning: { TOT: 2, KHA: 38 }, recorded: 3, present: 2 };
    const above = publishMeasures(raw, true);
    expect(above).toMatchObject({ pupils: 40, female: null, learning: { TOT: null, KHA: 38 }, suppressed: true });
    expect(above.attendanceRate).toBe(66.7);
    const own = publishMeasures(raw, false);
    expect(own).toMatchObject({ female: 3, learning: { TOT: 2, KHA: 38 }, suppressed: false });
  });

  it('withholds a mean whose scored pupils are withheld, and gives it in the school’s own report', () => {
    expect(publishSubject(subject, true)).toMatchObject({ scored: null, mean: null, suppressed: true });
    expect(publishSubject(subject, false)).toMatchObject({ scored: 4, mean: 6.5, suppressed: false });
  });
});
