import { billedAmount, chargeFor, type FeeLine, percentOf } from './fee-rules';
import { FIRST_SEMESTER, pupil, SECOND_SEMESTER } from './fee-rules.fixtures';

describe('what a fee line bills in a period', () => {
  const line = (billingUnit: FeeLine['billingUnit'], amount: number): FeeLine => ({
    feeKind: 'SERVICE',
    billingUnit,
    amount,
  });

  it('bills a monthly fee once per month of the period', () => {
    expect(billedAmount(line('MONTH', 50_000), FIRST_SEMESTER)).toBe(200_000);
    expect(billedAmount(line('MONTH', 50_000), SECOND_SEMESTER)).toBe(250_000);
  });

  it('bills a semester fee once in every period', () => {
    expect(billedAmount(line('SEMESTER', 300_000), FIRST_SEMESTER)).toBe(300_000);
    expect(billedAmount(line('SEMESTER', 300_000), SECOND_SEMESTER)).toBe(300_000);
  });

  it('bills a yearly fee (health insurance) in the first period only', () => {
    const insurance: FeeLine = { feeKind: 'HEALTH_INSURANCE', billingUnit: 'YEAR', amount: 884_520 };
    expect(billedAmount(insurance, FIRST_SEMESTER)).toBe(884_520);
    expect(billedAmount(insurance, SECOND_SEMESTER)).toBe(0);
  });

  it('bills a one-off fee in the first period only', () => {
    expect(billedAmount(line('ONCE', 250_000), FIRST_SEMESTER)).toBe(250_000);
    expect(chargeFor(line('ONCE', 250_000), SECOND_SEMESTER, pupil(), null)).toMatchObject({
      listAmount: 0,
      dueAmount: 0,
    });
  });

  it('refuses a product beyond 2^53 rather than lose đồng', () => {
    expect(() => billedAmount(line('MONTH', Number.MAX_SAFE_INTEGER), FIRST_SEMESTER)).toThrow(RangeError);
  });
});

describe('a percentage of an amount, down to the đồng', () => {
  it('takes 70 % of 155,555 đ as 108,888 đ', () => {
    expect(percentOf(155_555, 70)).toBe(108_888);
  });

  it('stays exact past 2^53 by taking the product in BigInt', () => {
    const large = 2 ** 52 + 1;
    expect(percentOf(large, 50)).toBe(Number((BigInt(large) * 50n) / 100n));
    expect(percentOf(large, 100)).toBe(large);
  });
});
