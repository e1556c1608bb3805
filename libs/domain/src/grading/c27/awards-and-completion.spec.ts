import { c27AwardProposal, c27CompletionProposal } from './c27-recognition';

describe('Circular 27 awards (Art. 15), as proposals', () => {
  it('proposes Học sinh Xuất sắc for Hoàn thành xuất sắc', () => {
    expect(c27AwardProposal('HTXS')).toBe('EXCELLENT');
  });

  it('proposes a Hoàn thành tốt pupil only as a candidate for Học sinh tiêu biểu', () => {
    expect(c27AwardProposal('HTT')).toBe('EXEMPLARY');
  });

  it('proposes no award for Hoàn thành or Chưa hoàn thành', () => {
    expect(c27AwardProposal('HT')).toBeNull();
    expect(c27AwardProposal('CHT')).toBeNull();
  });
});

describe('Circular 27 programme completion (Art. 14)', () => {
  it('proposes "Hoàn thành chương trình tiểu học" for a grade-5 pupil classified Hoàn thành or better', () => {
    expect(c27CompletionProposal('5', 'HT')).toBe('PRIMARY_COMPLETED');
    expect(c27CompletionProposal('5', 'HTXS')).toBe('PRIMARY_COMPLETED');
  });

  it('proposes the grade completed below grade 5', () => {
    expect(c27CompletionProposal('4', 'HTT')).toBe('GRADE_COMPLETED');
  });

  it('proposes nothing completed for Chưa hoàn thành, in grade 5 too', () => {
    expect(c27CompletionProposal('5', 'CHT')).toBe('NOT_COMPLETED');
    expect(c27CompletionProposal('3', 'CHT')).toBe('NOT_COMPLETED');
  });
});
