import { draftChanged } from './unsaved-dialog-guard';

describe('whether a draft was typed into', () => {
  const start = { code: '', name: 'Học kì I', months: 5, dueOn: null as string | null };

  it('is unchanged while every field holds what it started with, spaces around text aside', () => {
    expect(draftChanged(start, { ...start })).toBe(false);
    expect(draftChanged(start, { ...start, code: '   ', name: ' Học kì I ' })).toBe(false);
  });

  it('is changed by text typed, a number changed or a value chosen', () => {
    expect(draftChanged(start, { ...start, code: 'HK1' })).toBe(true);
    expect(draftChanged(start, { ...start, months: 4 })).toBe(true);
    expect(draftChanged(start, { ...start, dueOn: '2093-10-15' })).toBe(true);
  });
});
