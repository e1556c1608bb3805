import { learningResult } from './learning-result';
import { pupil } from './learning-result-adjustment-fixtures';

// Circular 22 Art. 9.3 as docs/domain/secondary-assessment-c22.md reads it: only a would-be Tốt or Khá, only one
// subject at fault, only a drop of two steps or more.
describe('the Art. 9.3 adjustment leaves these levels alone', () => {
  it('a one-step drop: would-be Tốt computed Khá (one score of 6.4)', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 9, 6.4]))).toBe('KHA');
  });

  it('a one-step drop: would-be Khá computed Đạt (one score of 4.0)', () => {
    expect(learningResult(pupil([7, 7, 7, 7, 7, 7, 7, 4.0]))).toBe('DAT');
  });

  it('a one-step drop: would-be Khá computed Đạt by one comment subject Chưa đạt', () => {
    expect(learningResult(pupil([7, 7, 7, 7, 7, 7, 7, 7], ['D', 'CD', 'D', 'D']))).toBe('DAT');
  });

  it('two scored subjects at fault', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 4.0, 4.0]))).toBe('DAT');
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 3.0, 3.0]))).toBe('CHUA_DAT');
  });

  it('two comment subjects Chưa đạt', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 9, 9], ['CD', 'CD', 'D', 'D']))).toBe('CHUA_DAT');
  });

  it('one scored subject and one comment subject at fault', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 9, 4.0], ['CD', 'D', 'D', 'D']))).toBe('DAT');
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 9, 3.0], ['CD', 'D', 'D', 'D']))).toBe('CHUA_DAT');
  });

  it('a would-be Đạt pupil: one score below 3.5 among averages too low for Khá stays Chưa đạt', () => {
    expect(learningResult(pupil([6, 6, 6, 6, 6, 6, 6, 3.0]))).toBe('CHUA_DAT');
  });

  it('fewer than six subjects at 6.5 or more: no would-be Khá', () => {
    expect(learningResult(pupil([7, 7, 7, 7, 7, 6.4, 6.4, 3.0]))).toBe('CHUA_DAT');
  });

  it('the setting off: the computed level stands', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 9, 3.0]), { adjustment: 'OFF' })).toBe('CHUA_DAT');
  });

  it('a missing subject result: no level at all', () => {
    const p = pupil([9, 9, 9, 9, 9, 9, 9, 3.0]);
    p[0] = { ...p[0], average: null };
    expect(learningResult(p)).toBeNull();
  });
});
