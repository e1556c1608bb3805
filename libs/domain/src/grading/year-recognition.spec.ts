import { recognitionDecisionError } from './year-recognition';

const award = (proposed: string | null, decision: string, reason: string | null = null, scheme = 'C27') =>
  recognitionDecisionError({
    scheme: scheme as 'C27',
    grade: '4',
    kind: 'AWARD',
    proposed: proposed as 'EXCELLENT',
    decision: decision as 'EXCELLENT',
    reason,
  });

describe('year-end decisions on awards and titles', () => {
  it('records the award proposed, without a reason', () => {
    expect(award('EXCELLENT', 'EXCELLENT')).toBeNull();
    expect(award('GOOD', 'GOOD', null, 'C58')).toBeNull();
  });

  it('grants Học sinh tiêu biểu to a candidate only with a reason (the class’s recognition)', () => {
    expect(award('EXEMPLARY', 'EXEMPLARY')).toBe('reasonRequired');
    expect(award('EXEMPLARY', 'EXEMPLARY', '   ')).toBe('reasonRequired');
    expect(award('EXEMPLARY', 'EXEMPLARY', 'Tiến bộ vượt bậc môn Toán, lớp bình chọn')).toBeNull();
  });

  it('leaves a candidate without the award, no reason needed beyond the departure from the proposal', () => {
    expect(award('EXEMPLARY', 'NONE')).toBe('reasonRequired');
    expect(award('EXEMPLARY', 'NONE', 'Lớp không bình chọn')).toBeNull();
  });

  it('never gives an award that was not proposed', () => {
    expect(award(null, 'EXCELLENT')).toBe('noProposal');
    expect(award('NONE', 'EXEMPLARY', 'lý do')).toBe('notProposed');
    expect(award('EXEMPLARY', 'EXCELLENT', 'lý do')).toBe('notProposed');
    expect(award('ADVANCED', 'GOOD', 'lý do', 'C58')).toBe('notProposed');
  });
});

describe('year-end decisions on programme completion (Circular 27 Art. 14)', () => {
  const completion = (grade: '4' | '5', proposed: string | null, decision: string, reason: string | null = null) =>
    recognitionDecisionError({
      scheme: 'C27',
      grade,
      kind: 'COMPLETION',
      proposed: proposed as 'PRIMARY_COMPLETED',
      decision: decision as 'PRIMARY_COMPLETED',
      reason,
    });

  it('records grade 5 “Hoàn thành chương trình tiểu học” as proposed', () => {
    expect(completion('5', 'PRIMARY_COMPLETED', 'PRIMARY_COMPLETED')).toBeNull();
  });

  it('completes a pupil proposed not completed only with a reason (after the supplementary assessment)', () => {
    expect(completion('5', 'NOT_COMPLETED', 'PRIMARY_COMPLETED')).toBe('reasonRequired');
    expect(completion('5', 'NOT_COMPLETED', 'PRIMARY_COMPLETED', 'Đã đánh giá bổ sung đạt')).toBeNull();
  });

  it('takes the grade’s own wording: no primary completion in grade 4, no grade completion in grade 5', () => {
    expect(completion('4', 'GRADE_COMPLETED', 'PRIMARY_COMPLETED', 'x')).toBe('notProposed');
    expect(completion('5', 'PRIMARY_COMPLETED', 'GRADE_COMPLETED', 'x')).toBe('notProposed');
  });

  it('is not a decision of a secondary class', () => {
    expect(
      recognitionDecisionError({
        scheme: 'C58',
        grade: '9',
        kind: 'COMPLETION',
        proposed: 'GRADE_COMPLETED',
        decision: 'GRADE_COMPLETED',
        reason: null,
      }),
    ).toBe('notForScheme');
  });
});
