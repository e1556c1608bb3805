import { paymentCodeOf, pupilCodesIn } from './payment-code';

describe('payment codes', () => {
  it('is HP followed by the pupil code, the same every time', () => {
    expect(paymentCodeOf('034213001234')).toBe('HP034213001234');
    expect(paymentCodeOf('034213001234')).toBe(paymentCodeOf('034213001234'));
  });

  it('finds the pupil code in a description however the bank reformatted it', () => {
    expect(pupilCodesIn('CK HP034213001234 hoc phi HK1')).toEqual(['034213001234']);
    expect(pupilCodesIn('ck hp 0342 1300 1234 nop tien')).toEqual(['034213001234']);
    expect(pupilCodesIn('HP-034213001234.HP034213009999')).toEqual(['034213001234', '034213009999']);
  });

  it('finds nothing in a description without a whole code', () => {
    expect(pupilCodesIn('chuyen tien hoc phi con Nguyen Van An')).toEqual([]);
    expect(pupilCodesIn('HP03421300123')).toEqual([]);
    expect(pupilCodesIn('HP0342130012345')).toEqual([]);
  });
});
