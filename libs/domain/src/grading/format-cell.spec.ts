import { formatAverage, formatCell } from './cell-input';

describe('displaying cells and averages the Vietnamese way', () => {
  it('shows a cell as typed, with a decimal comma only when it has a decimal', () => {
    expect(formatCell(7.5)).toBe('7,5');
    expect(formatCell(8)).toBe('8');
    expect(formatCell(10)).toBe('10');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(0.5)).toBe('0,5');
  });

  it('shows ratings as the gradebook prints them', () => {
    expect(formatCell('D')).toBe('Đ');
    expect(formatCell('CD')).toBe('CĐ');
    expect(formatCell('T')).toBe('T');
  });

  it('shows nothing for an empty cell or an uncomputed average', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(undefined)).toBe('');
    expect(formatAverage(null)).toBe('');
  });

  it('always shows an average with one decimal', () => {
    expect(formatAverage(7.9)).toBe('7,9');
    expect(formatAverage(8)).toBe('8,0');
    expect(formatAverage(10)).toBe('10,0');
    expect(formatAverage(0.1)).toBe('0,1');
  });
});
