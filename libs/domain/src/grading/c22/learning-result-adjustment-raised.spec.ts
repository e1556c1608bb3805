import { learningResult } from './learning-result';
import { pupil } from './learning-result-adjustment-fixtures';

// Circular 22 Art. 9.3 (docs/domain/secondary-assessment-c22.md): one subject alone pulls a would-be Tốt or Khá
// pupil down two steps or more; the level is raised one step. On by default.
describe('the Art. 9.3 adjustment raises a level one step', () => {
  it('would-be Tốt computed Đạt (one score of 4.0) becomes Khá', () => {
    const p = pupil([9, 9, 9, 9, 9, 9, 9, 4.0]);
    expect(learningResult(p, { adjustment: 'OFF' })).toBe('DAT');
    expect(learningResult(p)).toBe('KHA');
  });

  it('would-be Tốt computed Chưa đạt (one score of 3.0) becomes Đạt', () => {
    const p = pupil([9, 9, 9, 9, 9, 9, 9, 3.0]);
    expect(learningResult(p, { adjustment: 'OFF' })).toBe('CHUA_DAT');
    expect(learningResult(p, { adjustment: 'EXCEPT_ONE_SUBJECT' })).toBe('DAT');
  });

  it('would-be Tốt computed Đạt by one comment subject Chưa đạt becomes Khá', () => {
    const p = pupil([9, 9, 9, 9, 9, 9, 9, 9], ['D', 'D', 'CD', 'D']);
    expect(learningResult(p, { adjustment: 'OFF' })).toBe('DAT');
    expect(learningResult(p)).toBe('KHA');
  });

  it('would-be Khá computed Chưa đạt (one score of 3.0) becomes Đạt', () => {
    const p = pupil([7, 7, 7, 7, 7, 7, 7, 3.0]);
    expect(learningResult(p, { adjustment: 'OFF' })).toBe('CHUA_DAT');
    expect(learningResult(p)).toBe('DAT');
  });

  it('counts the subjects ≥ 8.0 as they are: six at 8.0 or more are enough, the seventh may sit between the floors', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 8.0, 7.0, 3.4]))).toBe('DAT');
  });

  it('with five subjects ≥ 8.0 the pupil is not a would-be Tốt, but is a would-be Khá: Chưa đạt becomes Đạt', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 7.9, 7.0, 3.4]), { adjustment: 'OFF' })).toBe('CHUA_DAT');
    expect(learningResult(pupil([9, 9, 9, 9, 9, 7.9, 7.0, 3.4]))).toBe('DAT');
  });

  it('a score of exactly 3.5 is not a fault of Đạt: would-be Tốt computed Đạt becomes Khá', () => {
    expect(learningResult(pupil([9, 9, 9, 9, 9, 9, 9, 3.5]))).toBe('KHA');
  });
});
