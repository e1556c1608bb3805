import { chargeFor, type FeeLine } from './fee-rules';
import { FIRST_SEMESTER, monthlyTuition, pupil, RURAL_LOWER_SECONDARY } from './fee-rules.fixtures';

describe('an approved exception against the rules', () => {
  const tuition = monthlyTuition(155_000);

  it('applies an exception of 80 % when the rule gives 50 %, and the state does not pay the school for it', () => {
    const nearPoor = pupil({ policyGroups: ['NEAR_POOR_HOUSEHOLD'], exceptionPercent: 80 });
    expect(chargeFor(tuition, FIRST_SEMESTER, nearPoor, null)).toMatchObject({
      rule: 'EXCEPTION',
      reliefPercent: 80,
      reliefAmount: 496_000,
      dueAmount: 124_000,
      claimable: 0,
    });
  });

  it('keeps the rule when it gives more: 70 % beats an exception of 30 %', () => {
    const ethnic = pupil({ policyGroups: ['ETHNIC_MINORITY_DISADVANTAGED'], exceptionPercent: 30 });
    expect(chargeFor(tuition, FIRST_SEMESTER, ethnic, null)).toMatchObject({
      rule: 'REDUCED_70',
      reliefPercent: 70,
      claimable: 434_000,
    });
  });

  it('keeps the rule on a tie, so the state still reimburses it', () => {
    const nearPoor = pupil({ policyGroups: ['NEAR_POOR_HOUSEHOLD'], exceptionPercent: 50 });
    expect(chargeFor(tuition, FIRST_SEMESTER, nearPoor, null)).toMatchObject({
      rule: 'REDUCED_50',
      claimable: 310_000,
    });
  });

  it('relieves a pupil in no group by the exception alone', () => {
    expect(chargeFor(tuition, FIRST_SEMESTER, pupil({ exceptionPercent: 25 }), null)).toMatchObject({
      rule: 'EXCEPTION',
      reliefAmount: 155_000,
      dueAmount: 465_000,
    });
  });

  it('changes nothing for free public tuition from 2025-26', () => {
    const free = pupil({ schoolYearStart: 2025, exceptionPercent: 100 });
    expect(chargeFor(tuition, FIRST_SEMESTER, free, RURAL_LOWER_SECONDARY)).toMatchObject({
      rule: 'FREE_PUBLIC',
      reliefAmount: 0,
    });
  });
});

describe('other fees carry no rule relief, only approved exceptions', () => {
  const boarding: FeeLine = { feeKind: 'BOARDING', billingUnit: 'MONTH', amount: 300_000 };

  it('charges a poor pupil the whole boarding fee', () => {
    expect(chargeFor(boarding, FIRST_SEMESTER, pupil({ policyGroups: ['POOR_HOUSEHOLD'] }), null)).toMatchObject({
      listAmount: 1_200_000,
      reliefAmount: 0,
      dueAmount: 1_200_000,
      rule: 'NONE',
    });
  });

  it('halves it with an approved exception of 50 %, claiming nothing', () => {
    expect(
      chargeFor(boarding, FIRST_SEMESTER, pupil({ exceptionPercent: 50, schoolYearStart: 2025 }), null),
    ).toMatchObject({
      reliefAmount: 600_000,
      dueAmount: 600_000,
      rule: 'EXCEPTION',
      claimable: 0,
    });
  });
});
