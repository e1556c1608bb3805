import { RatingCode } from '../grade-column';
import { C27YearInput, c27YearClassification } from './c27-classification';
import { PRIMARY_QUALITIES, QualityRating } from './qualities';

function pupil(
  opts: { ratings?: (RatingCode | null)[]; tests?: number[]; quality?: QualityRating } = {},
): C27YearInput {
  const tests = opts.tests ?? [10, 10];
  const ratings: (RatingCode | null)[] = opts.ratings ?? ['T', 'T', 'T', 'T'];
  const subjects = ratings.map((rating, i) => ({
    code: `S${i}`,
    rating,
    test: tests[i] ?? null,
    tested: i < tests.length,
  }));
  const qualities = Object.fromEntries(PRIMARY_QUALITIES.map((q) => [q.code, opts.quality ?? 'TOT']));
  return { subjects, qualities };
}

describe('Circular 27 year-end classification', () => {
  it('lists 5 qualities, 3 general and 7 specific competencies', () => {
    const count = (kind: string) => PRIMARY_QUALITIES.filter((q) => q.kind === kind).length;
    expect([count('QUALITY'), count('CORE'), count('SPECIFIC')]).toEqual([5, 3, 7]);
  });

  it('is Hoàn thành xuất sắc with every subject T, every quality Tốt and every test ≥ 9 — 9 itself counting', () => {
    expect(c27YearClassification(pupil({ tests: [9, 10] }))).toBe('HTXS');
  });

  it('is Hoàn thành tốt with a test at 8, or at exactly 7', () => {
    expect(c27YearClassification(pupil({ tests: [8, 10] }))).toBe('HTT');
    expect(c27YearClassification(pupil({ tests: [7, 10] }))).toBe('HTT');
  });

  it('is Hoàn thành with a test at 6 or exactly 5, a subject H, or a quality Đạt', () => {
    expect(c27YearClassification(pupil({ tests: [6, 10] }))).toBe('HT');
    expect(c27YearClassification(pupil({ tests: [5, 10] }))).toBe('HT');
    expect(c27YearClassification(pupil({ ratings: ['T', 'H', 'T', 'T'] }))).toBe('HT');
    expect(c27YearClassification(pupil({ quality: 'DAT' }))).toBe('HT');
  });

  it('is Chưa hoàn thành with a test at 4, a subject C or a quality Cần cố gắng', () => {
    expect(c27YearClassification(pupil({ tests: [4, 10] }))).toBe('CHT');
    expect(c27YearClassification(pupil({ ratings: ['T', 'T', 'C', 'T'] }))).toBe('CHT');
    expect(c27YearClassification(pupil({ quality: 'CAN_CO_GANG' }))).toBe('CHT');
  });

  it('is null while a rating, a test of a tested subject, or a quality is missing', () => {
    const missingTest = pupil();
    expect(
      c27YearClassification({ ...missingTest, subjects: [{ code: 'TOAN', rating: 'T', test: null, tested: true }] }),
    ).toBeNull();
    expect(c27YearClassification(pupil({ ratings: ['T', null] }))).toBeNull();
    const { qualities, subjects } = pupil();
    expect(c27YearClassification({ subjects, qualities: { ...qualities, CHAM_CHI: null } })).toBeNull();
    expect(c27YearClassification({ subjects, qualities: { ...qualities, GIAO_TIEP_HOP_TAC: undefined } })).toBeNull();
  });

  it('leaves out a specific competency that was not rated (no Tin học or Công nghệ in grades 1–2)', () => {
    const { qualities, subjects } = pupil();
    expect(c27YearClassification({ subjects, qualities: { ...qualities, TIN_HOC: null, CONG_NGHE: undefined } })).toBe(
      'HTXS',
    );
  });
});

describe('Circular 27 year-end classification: the thresholds read the end-of-year tests only', () => {
  it('takes a test of 0 as a score: Chưa hoàn thành', () => {
    expect(c27YearClassification(pupil({ tests: [0, 10] }))).toBe('CHT');
  });

  it('is not held back by a mid-semester test, which is not part of its input (Art. 9.2.a)', () => {
    // The input carries end-of-year tests only; results.calculation feeds CK_TEST of semester II, never GK_TEST.
    expect(c27YearClassification(pupil({ tests: [7, 8] }))).toBe('HTT');
  });
});
