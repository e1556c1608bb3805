import { planCharges, PlanInput, pupilLevel, targetCharges } from './charge-plan';

const pupil = (studentId: string, grade = '7', policyGroups: PlanInput['pupils'][number]['policyGroups'] = []) => ({
  studentId,
  classId: `class-${grade}`,
  grade,
  nationality: 'VN',
  policyGroups,
});

/** A public lower-secondary school in 2024-25: tuition 100,000 đ a month, meals 20,000 đ a month, a yearly fee. */
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  schoolYearStart: 2024,
  ownership: 'PUBLIC',
  schoolLevels: ['LOWER_SECONDARY'],
  period: { months: 4, firstOfYear: true },
  pupils: [pupil('an'), pupil('binh', '6', ['POOR_HOUSEHOLD'])],
  schedules: [
    { id: 'tuition', feeKind: 'TUITION', billingUnit: 'MONTH', amount: 100_000, grades: [] },
    { id: 'meals-7', feeKind: 'MEALS', billingUnit: 'MONTH', amount: 20_000, grades: ['7'] },
    { id: 'insurance', feeKind: 'HEALTH_INSURANCE', billingUnit: 'YEAR', amount: 680_400, grades: [] },
  ],
  tuition: new Map([['LOWER_SECONDARY', { monthlyAmount: 100_000, privateSupportMonthly: 0 }]]),
  exceptions: new Map(),
  ...over,
});

describe('the charges of a fee period', () => {
  it('bills each pupil the fee lines of their grade, with the relief of their policy group', () => {
    const targets = targetCharges(input());
    expect(targets.map((c) => [c.studentId, c.feeScheduleId, c.amounts.dueAmount, c.basis.rule])).toEqual([
      ['an', 'tuition', 400_000, 'NONE'],
      ['an', 'meals-7', 80_000, 'NONE'],
      ['an', 'insurance', 680_400, 'NONE'],
      ['binh', 'tuition', 0, 'EXEMPT'],
      ['binh', 'insurance', 680_400, 'NONE'],
    ]);
  });

  it('bills a yearly fee in the first period of the year only', () => {
    const targets = targetCharges(input({ period: { months: 5, firstOfYear: false } }));
    expect(targets.some((c) => c.feeScheduleId === 'insurance')).toBe(false);
  });

  it("applies an approved exception to its pupil's fee kind, and keeps its id in the basis", () => {
    const exceptions = new Map([['an:MEALS', { id: 'ex-1', percent: 50 }]]);
    const meals = targetCharges(input({ exceptions })).find((c) => c.feeScheduleId === 'meals-7');
    expect(meals?.amounts).toMatchObject({ reliefPercent: 50, reliefAmount: 40_000, dueAmount: 40_000 });
    expect(meals?.basis).toMatchObject({ rule: 'EXCEPTION', exceptionId: 'ex-1' });
  });

  it('bills continuing-education pupils at their level, and skips a class of no known grade', () => {
    expect(pupilLevel('10', ['CONTINUING_EDUCATION'])).toBe('CONTINUING_EDUCATION');
    expect(pupilLevel('10', ['UPPER_SECONDARY'])).toBe('UPPER_SECONDARY');
    expect(pupilLevel('13', ['UPPER_SECONDARY'])).toBeNull();
  });
});

describe('a run against what earlier runs wrote', () => {
  const targets = targetCharges(input());
  const existing = targets.map((c, i) => ({
    id: `charge-${i}`,
    studentId: c.studentId,
    feeScheduleId: c.feeScheduleId,
    generatedDue: c.amounts.dueAmount,
  }));

  it('writes everything the first time and nothing the second', () => {
    expect(planCharges(targets, [])).toMatchObject({ corrections: [], unchanged: 0 });
    expect(planCharges(targets, []).creates).toHaveLength(5);
    expect(planCharges(targets, existing)).toEqual({ creates: [], corrections: [], unchanged: 5 });
  });

  it('corrects by the difference when the rules now give another due', () => {
    const poorNow = targetCharges(
      input({ pupils: [pupil('an', '7', ['NEAR_POOR_HOUSEHOLD']), pupil('binh', '6', ['POOR_HOUSEHOLD'])] }),
    );
    const plan = planCharges(poorNow, existing);
    expect(plan.creates).toEqual([]);
    expect(plan.corrections.map((c) => [c.chargeId, c.amount])).toEqual([['charge-0', -200_000]]);
    expect(plan.unchanged).toBe(4);
  });

  it('brings to 0 the charges of a pupil no longer enrolled, once', () => {
    const plan = planCharges(targetCharges(input({ pupils: [pupil('binh', '6', ['POOR_HOUSEHOLD'])] })), existing);
    expect(plan.corrections.map((c) => [c.chargeId, c.amount, c.target])).toEqual([
      ['charge-0', -400_000, null],
      ['charge-1', -80_000, null],
      ['charge-2', -680_400, null],
    ]);
    const zeroed = existing.map((c) => (c.studentId === 'an' ? { ...c, generatedDue: 0 } : c));
    expect(
      planCharges(targetCharges(input({ pupils: [pupil('binh', '6', ['POOR_HOUSEHOLD'])] })), zeroed).corrections,
    ).toEqual([]);
  });
});
