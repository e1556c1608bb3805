import { chargeFor } from './fee-rules';
import { FIRST_SEMESTER, monthlyTuition, pupil } from './fee-rules.fixtures';

describe('public primary school: no tuition in any year (Law on Education 2019 Art. 99)', () => {
  it.each([2023, 2024, 2025])(
    'charges nothing in %i and claims nothing (the regular budget funds it)',
    (schoolYearStart) => {
      const primary = pupil({ schoolYearStart, schoolLevel: 'PRIMARY' });
      expect(chargeFor(monthlyTuition(100_000), FIRST_SEMESTER, primary, null)).toEqual({
        listAmount: 400_000,
        reliefPercent: 100,
        reliefAmount: 400_000,
        supportAmount: 0,
        reimbursedAmount: 0,
        dueAmount: 0,
        rule: 'FREE_PUBLIC_PRIMARY',
        claimable: 0,
      });
    },
  );

  it('is free for a foreign pupil too', () => {
    const foreign = pupil({ schoolYearStart: 2025, schoolLevel: 'PRIMARY', nationality: 'CN' });
    expect(chargeFor(monthlyTuition(100_000), FIRST_SEMESTER, foreign, null).dueAmount).toBe(0);
  });

  it('still charges the other fees, meals for instance', () => {
    const primary = pupil({ schoolYearStart: 2025, schoolLevel: 'PRIMARY' });
    const meals = { feeKind: 'MEALS', billingUnit: 'MONTH', amount: 600_000 } as const;
    expect(chargeFor(meals, FIRST_SEMESTER, primary, null)).toMatchObject({ dueAmount: 2_400_000, rule: 'NONE' });
  });
});
