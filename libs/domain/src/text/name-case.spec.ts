import { capitaliseVietnameseName } from './name-case';

describe('capitaliseVietnameseName', () => {
  it('capitalises each word and keeps the diacritics', () => {
    expect(capitaliseVietnameseName('nguyễn thùy anh')).toBe('Nguyễn Thùy Anh');
    expect(capitaliseVietnameseName('đỗ văn đức')).toBe('Đỗ Văn Đức');
  });

  it('lowers the rest of a word typed in capitals', () => {
    expect(capitaliseVietnameseName('TRẦN THỊ ÁNH')).toBe('Trần Thị Ánh');
  });

  it('collapses runs of spaces and trims the ends', () => {
    expect(capitaliseVietnameseName('  lê   văn  an ')).toBe('Lê Văn An');
  });

  it('capitalises each part of a word joined by an apostrophe or a hyphen', () => {
    expect(capitaliseVietnameseName("h'hen niê")).toBe("H'Hen Niê");
    expect(capitaliseVietnameseName('y-moan ênuôl')).toBe('Y-Moan Ênuôl');
  });

  it('composes a name typed with combining marks', () => {
    expect(capitaliseVietnameseName('thu\u0300y')).toBe('Thùy');
  });
});
