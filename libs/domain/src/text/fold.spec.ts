import { foldVietnamese } from './fold';

describe('foldVietnamese', () => {
  it('drops the diacritics, reads đ and Đ as d and lowers the case', () => {
    expect(foldVietnamese('Máy chiếu Đa năng')).toBe('may chieu da nang');
    expect(foldVietnamese('Trường THPT Như Quỳnh')).toBe('truong thpt nhu quynh');
  });

  it('leaves plain text as it is, in lower case', () => {
    expect(foldVietnamese('TS-0001 Laptop')).toBe('ts-0001 laptop');
  });
});
