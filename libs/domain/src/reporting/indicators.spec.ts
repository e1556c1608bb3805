import {
  emptyCompareCounts,
  isWithheld,
  meanOfTenths,
  measureBase,
  measureValue,
  publishedCount,
  rankValues,
  sharePercent,
} from './indicators';

describe('published figures', () => {
  it('withholds a count of 1 to 4 pupils above the school, never zero, never in a school view', () => {
    expect([0, 1, 4, 5, 12].map((n) => publishedCount(n, true))).toEqual([0, null, null, 5, 12]);
    expect([0, 1, 4, 5].map((n) => publishedCount(n, false))).toEqual([0, 1, 4, 5]);
    expect(publishedCount(null, true)).toBeNull();
    expect(isWithheld(3, true)).toBe(true);
    expect(isWithheld(3, false)).toBe(false);
    expect(isWithheld(null, true)).toBe(false);
  });

  it('rounds shares half-up to one decimal in integers only', () => {
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(1, 8)).toBe(12.5);
    // 1/16 = 6.25 % → 6.3 (half-up), where a float toFixed would give 6.2 or 6.3 depending on the binary value.
    expect(sharePercent(1, 16)).toBe(6.3);
    expect(sharePercent(0, 7)).toBe(0);
    expect(sharePercent(5, 5)).toBe(100);
    expect(sharePercent(3, 0)).toBeNull();
  });

  it('gives the mean of averages from their sum in tenths, two decimals, half-up', () => {
    expect(meanOfTenths(65 + 70 + 70, 3)).toBe(6.83);
    expect(meanOfTenths(65 + 70, 2)).toBe(6.75);
    // 1001 tenths over 8 = 12.5125 → 12.51; 1003 / 8 = 12.5375 → 12.54.
    expect(meanOfTenths(1001, 8)).toBe(12.51);
    expect(meanOfTenths(1003, 8)).toBe(12.54);
    expect(meanOfTenths(0, 0)).toBeNull();
  });

  it('ranks with ties sharing a rank and the next rank skipping; missing values are unranked', () => {
    expect(rankValues([7, 9, null, 9, 5])).toEqual([3, 1, null, 1, 4]);
    expect(rankValues([2.5, 1.0, 1.0], true)).toEqual([3, 1, 1]);
    expect(rankValues([])).toEqual([]);
  });
});

describe('comparison measures', () => {
  const counts = {
    ...emptyCompareCounts(),
    pupils: 40,
    learning: { TOT: 10, KHA: 15, DAT: 12, CHUA_DAT: 3 },
    training: { TOT: 30, KHA: 6, DAT: 4 },
    promotion: { PROMOTE: 37, RETEST: 2, REPEAT: 1 },
    droppedOut: 1,
    enrolled: 39,
    recorded: 800,
    present: 787,
    classSizeBreaches: 2,
    subjectSumTenths: 2680,
    subjectScored: 40,
  };

  it('divides the two best levels by the pupils with a level', () => {
    expect(measureValue('learningTopShare', counts)).toBe(62.5);
    expect(measureValue('trainingTopShare', counts)).toBe(90);
    expect(measureBase('learningTopShare', counts)).toBe(40);
  });

  it('counts Circular 58 Giỏi/Khá and Circular 27 HTXS/HTT as the two best learning levels', () => {
    const c58 = { ...counts, learning: { GIOI: 1, KHA: 1, TB: 2 } };
    const c27 = { ...counts, learning: { HTXS: 3, HTT: 0, HT: 1 } };
    expect(measureValue('learningTopShare', c58)).toBe(50);
    expect(measureValue('learningTopShare', c27)).toBe(75);
  });

  it('computes promotion, drop-out, attendance, breaches and a subject mean', () => {
    expect(measureValue('promotionShare', counts)).toBe(92.5);
    expect(measureValue('dropOutRate', counts)).toBe(2.5);
    expect(measureValue('attendanceRate', counts)).toBe(98.4);
    expect(measureValue('classSizeBreaches', counts)).toBe(2);
    expect(measureValue('subjectMean', counts)).toBe(6.7);
    expect(measureValue('pupils', counts)).toBe(40);
  });

  it('has no value where nothing was recorded', () => {
    const none = emptyCompareCounts();
    expect(measureValue('learningTopShare', none)).toBeNull();
    expect(measureValue('attendanceRate', none)).toBeNull();
    expect(measureValue('subjectMean', none)).toBeNull();
  });
});
