import { amountInWords } from './amount-in-words';

describe('amountInWords (the "Số tiền viết bằng chữ" line of a receipt)', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_050, 'Một nghìn không trăm năm mươi đồng'],
    [250_000, 'Hai trăm năm mươi nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [2_015_000, 'Hai triệu không trăm mười lăm nghìn đồng'],
    [1_000_000_005, 'Một tỷ không trăm linh năm đồng'],
    [12_345_678_901, 'Mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một đồng'],
    [3_000_000_000_000, 'Ba nghìn tỷ đồng'],
  ])('reads %d as "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('reads a refund, which is negative, with "âm"', () => {
    expect(amountInWords(-300_000)).toBe('Âm ba trăm nghìn đồng');
  });

  it('reads the largest exact amount without losing a digit', () => {
    expect(amountInWords(Number.MAX_SAFE_INTEGER)).toBe(
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng',
    );
  });

  it('refuses a fraction of a đồng', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
