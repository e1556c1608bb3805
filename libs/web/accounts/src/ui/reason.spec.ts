import { REASON_MAX, reasonProblem } from './reason';

describe('reasonProblem', () => {
  it('asks for a reason when nothing but spaces was typed', () => {
    expect(reasonProblem('   ')).toBe('required');
  });

  it('refuses a reason of two characters, as the API does', () => {
    expect(reasonProblem(' ok ')).toBe('tooShort');
  });

  it('takes three characters and the longest reason the API accepts', () => {
    expect(reasonProblem(' Mất ')).toBeNull();
    expect(reasonProblem('a'.repeat(REASON_MAX))).toBeNull();
  });

  it('refuses a reason one character over the limit', () => {
    expect(reasonProblem('a'.repeat(REASON_MAX + 1))).toBe('tooLong');
  });
});
