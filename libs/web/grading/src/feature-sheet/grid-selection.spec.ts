import { parseClipboardBlock } from './sheet-model';
import { extendBy, inRange, nextTabStop, rangeBetween, toTsv } from './grid-selection';

describe('the selected block', () => {
  it('spans anchor and focus whichever way the selection was extended', () => {
    expect(rangeBetween({ row: 3, col: 5 }, { row: 1, col: 4 })).toEqual({ top: 1, bottom: 3, left: 4, right: 5 });
    const range = rangeBetween({ row: 0, col: 3 }, { row: 2, col: 4 });
    expect(inRange(range, 2, 4)).toBe(true);
    expect(inRange(range, 3, 4)).toBe(false);
    expect(inRange(null, 0, 0)).toBe(false);
  });

  it('grows with Shift+arrows and stops at the edges', () => {
    const size = { rows: 3, cols: 5 };
    expect(extendBy({ row: 0, col: 3 }, 'ArrowDown', size)).toEqual({ row: 1, col: 3 });
    expect(extendBy({ row: 2, col: 4 }, 'ArrowRight', size)).toEqual({ row: 2, col: 4 });
    expect(extendBy({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(extendBy({ row: 0, col: 0 }, 'Home', size)).toBeNull();
  });
});

describe('copying a block as TSV', () => {
  it('joins cells with tabs and rows with CRLF, as Excel does', () => {
    expect(
      toTsv([
        ['Học sinh 1', '8', '7,5'],
        ['Học sinh 2', '', '9'],
      ]),
    ).toBe('Học sinh 1\t8\t7,5\r\nHọc sinh 2\t\t9');
  });

  it('quotes a comment holding a line break, a tab or quotes, and reads back the same cells', () => {
    const cells = [['Chăm "ngoan"\nlễ phép', 'a\tb', '8']];
    const text = toTsv(cells);
    expect(text).toBe('"Chăm ""ngoan""\nlễ phép"\t"a\tb"\t8');
    expect(parseClipboardBlock(text)).toEqual(cells);
  });
});

describe('Tab in the grid', () => {
  const editable = ['TX1', 'TX2', 'GK', 'comment'];

  it('moves to the next cell that takes input, then to the next row', () => {
    expect(nextTabStop({ row: 0, colId: 'TX1' }, editable, 3, false)).toEqual({ row: 0, colId: 'TX2' });
    expect(nextTabStop({ row: 0, colId: 'comment' }, editable, 3, false)).toEqual({ row: 1, colId: 'TX1' });
  });

  it('goes from the name column to the first score of the row', () => {
    expect(nextTabStop({ row: 1, colId: 'fullName' }, editable, 3, false)).toEqual({ row: 1, colId: 'TX1' });
  });

  it('leaves the grid after the last cell, and before the first with Shift+Tab', () => {
    expect(nextTabStop({ row: 2, colId: 'comment' }, editable, 3, false)).toBeNull();
    expect(nextTabStop({ row: 0, colId: 'TX1' }, editable, 3, true)).toBeNull();
    expect(nextTabStop({ row: 1, colId: 'TX1' }, editable, 3, true)).toEqual({ row: 0, colId: 'comment' });
  });

  it('leaves at once when nothing takes input (a read-only sheet)', () => {
    expect(nextTabStop({ row: 0, colId: 'fullName' }, [], 3, false)).toBeNull();
  });
});
