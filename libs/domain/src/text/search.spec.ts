import { matchesSearch, searchWords } from './search';

describe('searchWords', () => {
  it('splits on any run of spaces and drops the empty words', () => {
    expect(searchWords('  thuy   anh\tnguyen ')).toEqual(['thuy', 'anh', 'nguyen']);
  });

  it('gives nothing for an empty or blank box', () => {
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords('   ')).toEqual([]);
  });

  it('composes combining marks so a decomposed query matches composed storage', () => {
    expect(searchWords('Thu\u0300y')).toEqual(['Thùy']);
  });

  it('keeps each word once and at most eight', () => {
    expect(searchWords('an an bình')).toEqual(['an', 'bình']);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('matchesSearch', () => {
  it('finds a name whatever the order of the words, their spacing, case or diacritics', () => {
    expect(matchesSearch('Nguyễn Thùy Anh', 'thuy anh nguyen')).toBe(true);
    expect(matchesSearch('Nguyễn Thùy Anh', 'nguyễn  thùy anh')).toBe(true);
    expect(matchesSearch('Nguyễn Thùy Anh', 'ANH nguyen')).toBe(true);
  });

  it('needs every word', () => {
    expect(matchesSearch('Nguyễn Thùy Anh', 'thuy linh')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matchesSearch('Nguyễn Thùy Anh', '')).toBe(true);
  });
});
