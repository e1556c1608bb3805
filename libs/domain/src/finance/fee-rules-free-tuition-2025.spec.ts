import { chargeFor } from './fee-rules';
import { FIRST_SEMESTER, monthlyTuition, pupil, RURAL_LOWER_SECONDARY, SECOND_SEMESTER } from './fee-rules.fixtures';

describe('tuition from 2025-26 at a public school (Resolution 217/2025/QH15, Decree 238/2025/NĐ-CP)', () => {
  const year2025 = pupil({ schoolYearStart: 2025 });

  it('is free for a Vietnamese pupil; the state reimburses the province level × months', () => {
    expect(chargeFor(monthlyTuition(155_000), FIRST_SEMESTER, year2025, RURAL_LOWER_SECONDARY)).toEqual({
      listAmount: 620_000,
      reliefPercent: 0,
      reliefAmount: 0,
      supportAmount: 0,
      reimbursedAmount: 620_000,
      dueAmount: 0,
      rule: 'FREE_PUBLIC',
      claimable: 620_000,
    });
  });

  it('reimburses at the province level even if the school listed another amount', () => {
    const charge = chargeFor(monthlyTuition(180_000), SECOND_SEMESTER, year2025, RURAL_LOWER_SECONDARY);
    expect(charge).toMatchObject({ listAmount: 775_000, reimbursedAmount: 775_000, dueAmount: 0 });
  });

  it('is free at every level the resolution covers: preschool, upper secondary, continuing education', () => {
    for (const schoolLevel of ['PRESCHOOL', 'UPPER_SECONDARY', 'CONTINUING_EDUCATION'] as const) {
      const charge = chargeFor(
        monthlyTuition(155_000),
        FIRST_SEMESTER,
        pupil({ schoolYearStart: 2025, schoolLevel }),
        RURAL_LOWER_SECONDARY,
      );
      expect(charge).toMatchObject({ rule: 'FREE_PUBLIC', dueAmount: 0, claimable: 620_000 });
    }
  });

  it('stays free in later years', () => {
    expect(
      chargeFor(monthlyTuition(155_000), FIRST_SEMESTER, pupil({ schoolYearStart: 2027 }), RURAL_LOWER_SECONDARY).rule,
    ).toBe('FREE_PUBLIC');
  });

  it('makes a poor pupil free the same way: the policy group no longer matters', () => {
    const poor = pupil({ schoolYearStart: 2025, policyGroups: ['POOR_HOUSEHOLD'] });
    expect(chargeFor(monthlyTuition(155_000), FIRST_SEMESTER, poor, RURAL_LOWER_SECONDARY)).toMatchObject({
      rule: 'FREE_PUBLIC',
      reliefAmount: 0,
      reimbursedAmount: 620_000,
    });
  });

  it('charges a foreign pupil the school fee, outside the scope, with no reimbursement', () => {
    const foreign = pupil({ schoolYearStart: 2025, nationality: 'KR' });
    expect(chargeFor(monthlyTuition(155_000), FIRST_SEMESTER, foreign, RURAL_LOWER_SECONDARY)).toMatchObject({
      listAmount: 620_000,
      reimbursedAmount: 0,
      dueAmount: 620_000,
      rule: 'NONE',
      claimable: 0,
    });
  });

  it('still relieves a foreign pupil by policy group, as before the resolution', () => {
    const foreign = pupil({ schoolYearStart: 2025, nationality: 'LA', policyGroups: ['NEAR_POOR_HOUSEHOLD'] });
    expect(chargeFor(monthlyTuition(155_000), FIRST_SEMESTER, foreign, null)).toMatchObject({
      rule: 'REDUCED_50',
      dueAmount: 310_000,
    });
  });

  it('bills the school fee when the province has no level for it', () => {
    expect(chargeFor(monthlyTuition(150_000), FIRST_SEMESTER, year2025, null)).toMatchObject({
      listAmount: 600_000,
      reimbursedAmount: 600_000,
      dueAmount: 0,
    });
  });
});
