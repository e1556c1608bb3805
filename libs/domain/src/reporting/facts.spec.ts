import { ageBand, averageTenths, isNotPassed, meanFromTenths, scoreBand, tallySubject } from './facts';

describe('reporting facts', () => {
  it('bands an average at the edges of each band, compared in tenths', () => {
    expect([8.0, 7.9, 6.5, 6.4, 5.0, 4.9, 3.5, 3.4, 0].map(scoreBand)).toEqual([
      'b80',
      'b65',
      'b65',
      'b50',
      'b50',
      'b35',
      'b35',
      'b00',
      'b00',
    ]);
    // 6.5 and 0.1 + 0.2 style doubles: the band is decided on exact tenths.
    expect(scoreBand(0.65 * 10)).toBe('b65');
  });

  it('turns an average into exact tenths and a sum of tenths back into a half-up mean', () => {
    expect(averageTenths(6.45 * 10 - 58)).toBe(65);
    expect(averageTenths(7.3)).toBe(73);
    expect(meanFromTenths(73 + 64, 2)).toBe(6.9); // 6.85 → 6.9 half-up, in integers
    expect(meanFromTenths(0, 0)).toBeNull();
  });

  it('counts as not passed an average under 5.0 and the ratings Chưa đạt and Chưa hoàn thành', () => {
    expect(isNotPassed({ average: 4.9, rating: null })).toBe(true);
    expect(isNotPassed({ average: 5.0, rating: null })).toBe(false);
    expect(isNotPassed({ average: null, rating: 'CD' })).toBe(true);
    expect(isNotPassed({ average: null, rating: 'C' })).toBe(true);
    expect(isNotPassed({ average: null, rating: 'D' })).toBe(false);
    expect(isNotPassed({ average: null, rating: 'H' })).toBe(false);
    expect(isNotPassed({ average: null, rating: null })).toBe(false);
  });

  it('tallies a subject over a class: pupils, scored, tenths, bands, ratings and not passed', () => {
    expect(
      tallySubject([
        { average: 8.5, rating: null },
        { average: 6.5, rating: null },
        { average: 3.4, rating: null },
        { average: null, rating: null },
        { average: null, rating: 'CD' },
        { average: null, rating: 'D' },
      ]),
    ).toEqual({
      pupils: 6,
      scored: 3,
      sumTenths: 85 + 65 + 34,
      b80: 1,
      b65: 1,
      b50: 0,
      b35: 0,
      b00: 1,
      ratingD: 1,
      ratingCd: 1,
      ratingT: 0,
      ratingH: 0,
      ratingC: 0,
      notPassed: 2,
    });
  });

  it('bands ages: under 30, 30–39, 40–49, 50–54, 55 and over', () => {
    const day = '2026-12-05';
    expect(
      ['1996-12-06', '1996-12-05', '1977-01-01', '1976-12-05', '1972-12-06', '1971-12-05'].map((d) => ageBand(d, day)),
    ).toEqual(['<30', '30-39', '40-49', '50-54', '50-54', '55+']);
  });
});
