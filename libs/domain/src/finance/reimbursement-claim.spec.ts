import { chargeFor, FeeRuleCode } from './fee-rules';
import { FIRST_SEMESTER, monthlyTuition, pupil, RURAL_LOWER_SECONDARY } from './fee-rules.fixtures';
import { claimableOf, claimFigures, GradedClaimCharge } from './reimbursement-claim';

describe('what a stored charge claims', () => {
  const cases: [string, Parameters<typeof chargeFor>][] = [
    [
      'free public tuition 2025-26',
      [monthlyTuition(155_000), FIRST_SEMESTER, pupil({ schoolYearStart: 2025 }), RURAL_LOWER_SECONDARY],
    ],
    [
      'a poor pupil exempt in 2024-25',
      [monthlyTuition(155_000), FIRST_SEMESTER, pupil({ policyGroups: ['POOR_HOUSEHOLD'] }), RURAL_LOWER_SECONDARY],
    ],
    [
      'an ethnic-minority pupil reduced by 70 %',
      [
        monthlyTuition(155_000),
        FIRST_SEMESTER,
        pupil({ policyGroups: ['ETHNIC_MINORITY_DISADVANTAGED'] }),
        RURAL_LOWER_SECONDARY,
      ],
    ],
    [
      'a near-poor pupil reduced by 50 %',
      [
        monthlyTuition(155_000),
        FIRST_SEMESTER,
        pupil({ policyGroups: ['NEAR_POOR_HOUSEHOLD'] }),
        RURAL_LOWER_SECONDARY,
      ],
    ],
    [
      'a school’s own exception (its cost)',
      [monthlyTuition(155_000), FIRST_SEMESTER, pupil({ exceptionPercent: 80 }), RURAL_LOWER_SECONDARY],
    ],
    [
      'a private school’s support 2025-26',
      [
        monthlyTuition(900_000),
        FIRST_SEMESTER,
        pupil({ schoolYearStart: 2025, ownership: 'PRIVATE' }),
        RURAL_LOWER_SECONDARY,
      ],
    ],
    ['public primary, free by law', [monthlyTuition(0), FIRST_SEMESTER, pupil({ schoolLevel: 'PRIMARY' }), null]],
    [
      'a foreign pupil 2025-26',
      [
        monthlyTuition(155_000),
        FIRST_SEMESTER,
        pupil({ schoolYearStart: 2025, nationality: 'LA' }),
        RURAL_LOWER_SECONDARY,
      ],
    ],
    [
      'meals',
      [
        { feeKind: 'MEALS', billingUnit: 'MONTH', amount: 500_000 },
        FIRST_SEMESTER,
        pupil({ policyGroups: ['POOR_HOUSEHOLD'] }),
        null,
      ],
    ],
  ];

  it.each(cases)('is what the fee rules said it would be: %s', (_, args) => {
    const charge = chargeFor(...args);
    expect(claimableOf(charge)).toBe(charge.claimable);
  });
});

describe('the claim of a period', () => {
  const charge = (studentId: string, grade: string, rule: FeeRuleCode, amount: number): GradedClaimCharge => ({
    studentId,
    grade,
    rule,
    reliefAmount: rule.startsWith('RE') || rule === 'EXEMPT' || rule === 'EXCEPTION' ? amount : 0,
    supportAmount: rule === 'PRIVATE_SUPPORT' ? amount : 0,
    reimbursedAmount: rule === 'FREE_PUBLIC' ? amount : 0,
  });

  it('counts pupils once per grade, months per pupil, and sums what is claimable, grades in order', () => {
    const figures = claimFigures(
      [
        charge('a', '7', 'FREE_PUBLIC', 620_000),
        charge('b', '7', 'FREE_PUBLIC', 620_000),
        charge('a', '7', 'FREE_PUBLIC', 1),
        charge('c', '10', 'REDUCED_50', 310_000),
        charge('d', '6', 'EXCEPTION', 620_000),
        charge('e', '6', 'FREE_PUBLIC', 620_000),
      ],
      4,
      (grade) => (grade === '10' ? 200_000 : 155_000),
    );
    expect(figures).toEqual({
      pupils: 4,
      pupilMonths: 16,
      amount: 620_000 + 620_000 + 1 + 310_000 + 620_000,
      lines: [
        { grade: '6', pupils: 1, months: 4, monthlyLevel: 155_000, amount: 620_000 },
        { grade: '7', pupils: 2, months: 8, monthlyLevel: 155_000, amount: 1_240_001 },
        { grade: '10', pupils: 1, months: 4, monthlyLevel: 200_000, amount: 310_000 },
      ],
    });
  });

  it('is empty when nothing in the period is the state’s to pay', () => {
    expect(claimFigures([charge('d', '6', 'EXCEPTION', 5)], 5, () => 0)).toEqual({
      pupils: 0,
      pupilMonths: 0,
      amount: 0,
      lines: [],
    });
  });
});
