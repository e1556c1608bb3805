import { fileNamePart, foldVietnamese } from './fold';

describe('foldVietnamese', () => {
  it('drops the diacritics, reads đ and Đ as d and lowers the case', () => {
    expect(foldVietnamese('Máy chiếu Đa năng')).toBe('may chieu da nang');
    expect(foldVietnamese('Trường THPT Như Quỳnh')).toBe('truong thpt nhu quynh');
  });

  it('leaves plain text as it is, in lower case', () => {
    expect(foldVietnamese('TS-0001 Laptop')).toBe('ts-0001 laptop');
  });
});

describe('fileNamePart', () => {
  it('folds a Vietnamese name to ASCII, keeps the case and joins the words with hyphens', () => {
    expect(fileNamePart('Nguyễn Thị Đào')).toBe('Nguyen-Thi-Dao');
    expect(fileNamePart('Lê Hoàng Cường')).toBe('Le-Hoang-Cuong');
  });

  it('leaves no character a file system or a header could misread', () => {
    expect(fileNamePart(' 6A/1 "x"; ../ ')).toBe('6A-1-x');
    expect(fileNamePart('2096-2097')).toBe('2096-2097');
  });
});
