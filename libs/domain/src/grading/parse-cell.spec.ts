import { parseCell, parseGradebookCell } from './cell-input';
import { gradebookColumns } from './gradebook-columns';

const [score] = gradebookColumns('C22', { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 }, '6', 1);
const [passFail] = gradebookColumns('C22', { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 }, '6', 1);
const c27 = gradebookColumns('C27', { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 175 }, '3', 1);
const c27Rating = c27.find((c) => c.key === 'CK_RATING')!;
const c27Test = c27.find((c) => c.key === 'CK_TEST')!;

describe('parsing what a teacher typed into a cell', () => {
  it('reads a decimal comma or point, spaces and numbers alike', () => {
    expect(parseCell(score, '7,5')).toEqual({ value: 7.5 });
    expect(parseCell(score, '7.5')).toEqual({ value: 7.5 });
    expect(parseCell(score, ' 8 ')).toEqual({ value: 8 });
    expect(parseCell(score, 7.5)).toEqual({ value: 7.5 });
    expect(parseCell(score, '10')).toEqual({ value: 10 });
    expect(parseCell(score, '0')).toEqual({ value: 0 });
    expect(parseCell(score, '8,0')).toEqual({ value: 8 });
  });

  it('clears the cell on empty input', () => {
    expect(parseCell(score, '')).toEqual({ value: null });
    expect(parseCell(score, '   ')).toEqual({ value: null });
    expect(parseCell(score, null)).toEqual({ value: null });
    expect(parseCell(score, undefined)).toEqual({ value: null });
    expect(parseCell(passFail, '')).toEqual({ value: null });
  });

  it('rejects scores outside 0–10', () => {
    expect(parseCell(score, 11)).toEqual({ error: 'outOfRange' });
    expect(parseCell(score, '10,5')).toEqual({ error: 'outOfRange' });
    expect(parseCell(score, -1)).toEqual({ error: 'outOfRange' });
  });

  it('rejects a second decimal', () => {
    expect(parseCell(score, 7.25)).toEqual({ error: 'tooManyDecimals' });
    expect(parseCell(score, '7,25')).toEqual({ error: 'tooManyDecimals' });
  });

  it('rejects text that is not a number', () => {
    expect(parseCell(score, 'abc')).toEqual({ error: 'notANumber' });
    expect(parseCell(score, '7,5,1')).toEqual({ error: 'notANumber' });
    expect(parseCell(score, '.')).toEqual({ error: 'notANumber' });
    expect(parseCell(score, Number.NaN)).toEqual({ error: 'notANumber' });
    expect(parseCell(score, true)).toEqual({ error: 'notANumber' });
  });

  it('reads Đạt / Chưa đạt in any case, with or without diacritics', () => {
    for (const raw of ['Đ', 'Đạt', 'D', 'đạt', 'dat', 'DAT']) expect(parseCell(passFail, raw)).toEqual({ value: 'D' });
    for (const raw of ['CĐ', 'Chưa đạt', 'cd', 'cđ', 'chua dat'])
      expect(parseCell(passFail, raw)).toEqual({ value: 'CD' });
  });

  it('rejects a rating the column does not take, and numbers in a rating column', () => {
    expect(parseCell(passFail, 'T')).toEqual({ error: 'notARating' });
    expect(parseCell(passFail, 'C')).toEqual({ error: 'notARating' });
    expect(parseCell(passFail, 'x')).toEqual({ error: 'notARating' });
    expect(parseCell(passFail, 8)).toEqual({ error: 'notARating' });
    expect(parseCell(c27Rating, 'Đ')).toEqual({ error: 'notARating' });
  });

  it('reads Circular 27 ratings T / H / C, by code or in words', () => {
    expect(parseCell(c27Rating, 't')).toEqual({ value: 'T' });
    expect(parseCell(c27Rating, 'Hoàn thành tốt')).toEqual({ value: 'T' });
    expect(parseCell(c27Rating, 'H')).toEqual({ value: 'H' });
    expect(parseCell(c27Rating, 'HT')).toEqual({ value: 'H' });
    expect(parseCell(c27Rating, 'Chưa hoàn thành')).toEqual({ value: 'C' });
  });

  it('takes Circular 27 tests as whole numbers 0–10: accepts 0, rejects 7.5, 11 and -1', () => {
    expect(parseCell(c27Test, '9')).toEqual({ value: 9 });
    expect(parseCell(c27Test, 1)).toEqual({ value: 1 });
    expect(parseCell(c27Test, 0)).toEqual({ value: 0 });
    expect(parseCell(c27Test, '0')).toEqual({ value: 0 });
    expect(parseCell(c27Test, 10)).toEqual({ value: 10 });
    expect(parseCell(c27Test, 11)).toEqual({ error: 'outOfRange' });
    expect(parseCell(c27Test, '-1')).toEqual({ error: 'outOfRange' });
    expect(parseCell(c27Test, 7.5)).toEqual({ error: 'notWholeScore' });
    expect(parseCell(c27Test, '7,5')).toEqual({ error: 'notWholeScore' });
  });

  it('rejects a key that is not a column of the sheet', () => {
    const columns = gradebookColumns('C22', { code: 'GDCD', assessment: 'SCORE', periodsPerYear: 35 }, '6', 1);
    expect(parseGradebookCell(columns, 'TX3', '8')).toEqual({ error: 'unknownColumn' });
    expect(parseGradebookCell(columns, 'TX2', '8')).toEqual({ value: 8 });
  });
});
