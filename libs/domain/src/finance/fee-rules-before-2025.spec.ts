import { chargeFor } from './fee-rules';
import { FIRST_SEMESTER, monthlyTuition, pupil, RURAL_LOWER_SECONDARY } from './fee-rules.fixtures';

describe('tuition in 2024-25 at a public lower-secondary school (Decree 81/2021/NĐ-CP Art. 15, 16)', () => {
  const tuition = monthlyTuition(155_000);

  it('charges a pupil in no policy group the whole level: 155,000 đ × 4 months', () => {
    expect(chargeFor(tuition, FIRST_SEMESTER, pupil(), RURAL_LOWER_SECONDARY)).toEqual({
      listAmount: 620_000,
      reliefPercent: 0,
      reliefAmount: 0,
      supportAmount: 0,
      reimbursedAmount: 0,
      dueAmount: 620_000,
      rule: 'NONE',
      claimable: 0,
    });
  });

  it('exempts a pupil of a poor household (100 %), and the state reimburses the school the relief', () => {
    expect(
      chargeFor(tuition, FIRST_SEMESTER, pupil({ policyGroups: ['POOR_HOUSEHOLD'] }), RURAL_LOWER_SECONDARY),
    ).toEqual({
      listAmount: 620_000,
      reliefPercent: 100,
      reliefAmount: 620_000,
      supportAmount: 0,
      reimbursedAmount: 0,
      dueAmount: 0,
      rule: 'EXEMPT',
      claimable: 620_000,
    });
  });

  it('reduces by 70 % for an ethnic-minority pupil of a disadvantaged commune: 434,000 đ relieved, 186,000 đ due', () => {
    const charge = chargeFor(tuition, FIRST_SEMESTER, pupil({ policyGroups: ['ETHNIC_MINORITY_DISADVANTAGED'] }), null);
    expect(charge).toMatchObject({ rule: 'REDUCED_70', reliefPercent: 70, reliefAmount: 434_000, dueAmount: 186_000 });
    expect(charge.claimable).toBe(434_000);
  });

  it('reduces by 50 % for a near-poor household', () => {
    const charge = chargeFor(tuition, FIRST_SEMESTER, pupil({ policyGroups: ['NEAR_POOR_HOUSEHOLD'] }), null);
    expect(charge).toMatchObject({ rule: 'REDUCED_50', reliefPercent: 50, reliefAmount: 310_000, dueAmount: 310_000 });
  });

  it.each([['WAR_INVALID_CHILD'], ['MARTYR_CHILD'], ['DISABILITY'], ['ORPHAN']] as const)(
    'exempts a pupil of group %s',
    (group) => {
      expect(chargeFor(tuition, FIRST_SEMESTER, pupil({ policyGroups: [group] }), null)).toMatchObject({
        rule: 'EXEMPT',
        dueAmount: 0,
      });
    },
  );

  it('applies the highest relief when a pupil is in several groups', () => {
    const groups = ['NEAR_POOR_HOUSEHOLD', 'ETHNIC_MINORITY_DISADVANTAGED'] as const;
    expect(chargeFor(tuition, FIRST_SEMESTER, pupil({ policyGroups: groups }), null).rule).toBe('REDUCED_70');
    const withOrphan = ['NEAR_POOR_HOUSEHOLD', 'ORPHAN', 'ETHNIC_MINORITY_DISADVANTAGED'] as const;
    expect(chargeFor(tuition, FIRST_SEMESTER, pupil({ policyGroups: withOrphan }), null).rule).toBe('EXEMPT');
  });

  it('rounds the relief down to the đồng, so relief and due still add up to the list amount', () => {
    const odd = chargeFor(
      monthlyTuition(155_555),
      { months: 1, firstOfYear: true },
      pupil({ policyGroups: ['ETHNIC_MINORITY_DISADVANTAGED'] }),
      null,
    );
    expect(odd).toMatchObject({ listAmount: 155_555, reliefAmount: 108_888, dueAmount: 46_667 });
  });

  it('bills an upper-secondary pupil the same way', () => {
    const upper = pupil({ schoolLevel: 'UPPER_SECONDARY', policyGroups: ['POOR_HOUSEHOLD'] });
    expect(chargeFor(monthlyTuition(200_000), FIRST_SEMESTER, upper, null)).toMatchObject({
      listAmount: 800_000,
      dueAmount: 0,
    });
  });
});

describe('tuition in 2024-25 at a private school', () => {
  it('charges the fee in full to a poor pupil: the state supported such pupils directly (Art. 20), not through the school', () => {
    const poor = pupil({ ownership: 'PRIVATE', policyGroups: ['POOR_HOUSEHOLD'] });
    expect(chargeFor(monthlyTuition(2_500_000), FIRST_SEMESTER, poor, RURAL_LOWER_SECONDARY)).toMatchObject({
      listAmount: 10_000_000,
      reliefAmount: 0,
      supportAmount: 0,
      dueAmount: 10_000_000,
      rule: 'NONE',
      claimable: 0,
    });
  });
});
