import { learningResult, SubjectOutcome } from './learning-result';

function student(commentRatings: ('D' | 'CD' | null)[], average = 9): SubjectOutcome[] {
  const scored = Array.from({ length: 8 }, (_, i): SubjectOutcome => ({
    code: `S${i}`,
    assessment: 'SCORE',
    average,
    rating: null,
  }));
  const comments = commentRatings.map((rating, i): SubjectOutcome => ({
    code: `C${i}`,
    assessment: 'COMMENT',
    average: null,
    rating,
  }));
  return [...scored, ...comments];
}

describe('Circular 22 learning result with comment subjects', () => {
  it('is Tốt only when every comment subject is Đạt', () => {
    expect(learningResult(student(['D', 'D', 'D', 'D', 'D']))).toBe('TOT');
  });

  it('is at most Đạt with one comment subject Chưa đạt, even with every score at 9', () => {
    expect(learningResult(student(['D', 'CD', 'D', 'D', 'D']), { adjustment: 'OFF' })).toBe('DAT');
    // Art. 9.3: a would-be Tốt two steps down is raised to Khá.
    expect(learningResult(student(['D', 'CD', 'D', 'D', 'D']))).toBe('KHA');
  });

  it('is Chưa đạt with two comment subjects Chưa đạt', () => {
    expect(learningResult(student(['CD', 'CD', 'D', 'D', 'D']))).toBe('CHUA_DAT');
  });

  it('is null while a comment subject has no rating', () => {
    expect(learningResult(student(['D', null, 'D', 'D', 'D']))).toBeNull();
  });

  it('counts only comment subjects when a class has no scored subject results to hold against', () => {
    const commentsOnly = student(['D', 'D']).filter((s) => s.assessment === 'COMMENT');
    expect(learningResult(commentsOnly)).toBe('CHUA_DAT');
  });
});
