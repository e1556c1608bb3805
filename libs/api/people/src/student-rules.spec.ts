import { isRealDate } from '@emis/domain';
import { FULL_NAME_PATTERN, normaliseName } from './student-rules';

describe('student field rules', () => {
  it('accepts only calendar dates that exist, written yyyy-MM-dd', () => {
    expect(isRealDate('2012-02-29')).toBe(true);
    expect(isRealDate('2013-02-29')).toBe(false);
    expect(isRealDate('2013-04-31')).toBe(false);
    expect(isRealDate('12/04/2013')).toBe(false);
    expect(isRealDate(20130412)).toBe(false);
  });

  it('takes 2–7 words of letters with Vietnamese diacritics (and joined parts of Central Highlands names) as a full name, nothing else', () => {
    const ok = ['Nguyễn An', 'Trần Thị Ánh', 'Đặng Thị Thu Hương Giang', 'Ưng Hoàng Phúc', "H'Hen Niê", 'Y-Moan Ênuôl'];
    for (const name of ok) expect(FULL_NAME_PATTERN.test(name)).toBe(true);
    for (const name of ['An', 'Nguyễn Văn 3', 'Một Hai Ba Bốn Năm Sáu Bảy Tám', '=cmd calc', 'Lê -Văn Tám']) expect(FULL_NAME_PATTERN.test(name)).toBe(false);
  });

  it('normalises spacing and composes decomposed diacritics (NFD from some keyboards) before checking', () => {
    const decomposed = 'Nguye\u0302\u0303n   Thi\u0323  A\u0301nh ';
    expect(normaliseName(decomposed)).toBe('Nguyễn Thị Ánh');
    expect(FULL_NAME_PATTERN.test(normaliseName(decomposed) as string)).toBe(true);
  });
});
