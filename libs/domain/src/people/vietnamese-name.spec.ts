import { compareVietnameseNames, isValidFullName, splitVietnameseName } from './vietnamese-name';

describe('Vietnamese name order', () => {
  it('splits family, middle and given names', () => {
    expect(splitVietnameseName('  Nguyễn  Thị Thanh   Hà ')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Thanh',
      given: 'Hà',
    });
    expect(splitVietnameseName('Hà')).toEqual({ family: '', middle: '', given: 'Hà' });
  });

  it('sorts by given name first, then middle, then family name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Phạm Minh An'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Phạm Minh An',
      'Nguyễn Thị An',
      'Lê Văn An',
      'Trần Văn Bình',
    ]);
  });

  it('puts đ after d, and unaccented before accented forms of the same letters', () => {
    const names = ['Lê Đức', 'Lê Dũng', 'Lê Ánh', 'Lê Anh', 'Lê Ân'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Lê Anh', 'Lê Ánh', 'Lê Ân', 'Lê Dũng', 'Lê Đức']);
  });

  it.each([
    'Nguyễn Văn An',
    "H'Hen Niê",
    'Y-Moan Ênuôl',
    'Ksor H’Bia',
    'Tôn Nữ Thị Minh Châu Anh',
    'Nguye\u0302\u0303n Va\u0306n An',
  ])('accepts the full name %p', (name) => {
    expect(isValidFullName(name)).toBe(true);
  });

  it.each(['An', 'Nguyễn Văn 3', '=cmd calc', "Lê 'An", 'Lê- An', 'Một Hai Ba Bốn Năm Sáu Bảy Tám'])(
    'refuses %p as a full name',
    (name) => {
      expect(isValidFullName(name)).toBe(false);
    },
  );
});
