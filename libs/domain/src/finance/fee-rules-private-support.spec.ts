import { chargeFor } from './fee-rules';
import { FIRST_SEMESTER, monthlyTuition, pupil, RURAL_LOWER_SECONDARY } from './fee-rules.fixtures';

describe('tuition from 2025-26 at a private school: its fee less the province support', () => {
  const privatePupil = pupil({ schoolYearStart: 2025, ownership: 'PRIVATE' });

  it('deducts 155,000 đ × 4 months of support from a 2,500,000 đ monthly fee', () => {
    expect(chargeFor(monthlyTuition(2_500_000), FIRST_SEMESTER, privatePupil, RURAL_LOWER_SECONDARY)).toEqual({
      listAmount: 10_000_000,
      reliefPercent: 0,
      reliefAmount: 0,
      supportAmount: 620_000,
      reimbursedAmount: 0,
      dueAmount: 9_380_000,
      rule: 'PRIVATE_SUPPORT',
      claimable: 620_000,
    });
  });

  it('caps the support at the fee: a 100,000 đ fee gets 400,000 đ, not 620,000 đ, and nothing is due', () => {
    expect(chargeFor(monthlyTuition(100_000), FIRST_SEMESTER, privatePupil, RURAL_LOWER_SECONDARY)).toMatchObject({
      listAmount: 400_000,
      supportAmount: 400_000,
      dueAmount: 0,
      claimable: 400_000,
    });
  });

  it('treats a people-founded school as private', () => {
    const peopleFounded = pupil({ schoolYearStart: 2025, ownership: 'PEOPLE_FOUNDED' });
    expect(
      chargeFor(monthlyTuition(2_500_000), FIRST_SEMESTER, peopleFounded, RURAL_LOWER_SECONDARY).supportAmount,
    ).toBe(620_000);
  });

  it('supports private primary pupils too (only public primary is free by law)', () => {
    const primary = pupil({ schoolYearStart: 2025, ownership: 'PRIVATE', schoolLevel: 'PRIMARY' });
    expect(chargeFor(monthlyTuition(2_000_000), FIRST_SEMESTER, primary, RURAL_LOWER_SECONDARY).rule).toBe(
      'PRIVATE_SUPPORT',
    );
  });

  it('applies the school exception first and caps the support at what is left', () => {
    const excepted = pupil({ schoolYearStart: 2025, ownership: 'PRIVATE', exceptionPercent: 90 });
    expect(chargeFor(monthlyTuition(500_000), FIRST_SEMESTER, excepted, RURAL_LOWER_SECONDARY)).toMatchObject({
      listAmount: 2_000_000,
      reliefPercent: 90,
      reliefAmount: 1_800_000,
      supportAmount: 200_000,
      dueAmount: 0,
      claimable: 200_000,
    });
  });

  it('gives no support when the province set none, charging the fee', () => {
    const noLevel = chargeFor(monthlyTuition(2_500_000), FIRST_SEMESTER, privatePupil, null);
    expect(noLevel).toMatchObject({ supportAmount: 0, dueAmount: 10_000_000, rule: 'NONE' });
  });

  it('gives a foreign pupil no support', () => {
    const foreign = pupil({ schoolYearStart: 2025, ownership: 'PRIVATE', nationality: 'JP' });
    expect(chargeFor(monthlyTuition(2_500_000), FIRST_SEMESTER, foreign, RURAL_LOWER_SECONDARY)).toMatchObject({
      supportAmount: 0,
      rule: 'NONE',
    });
  });
});
