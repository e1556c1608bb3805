import { accumulatedWear, wearDue, wearSkipReason } from './wear';
import { fixedAsset, runYears } from './wear.fixtures';

describe('an asset transferred to another school during the year (Art. 12.1.c, 14.2.b)', () => {
  // An air conditioner: 24,000,000 đ at 12.5 % (8 years), put into use in 2022, transferred on 10 June 2025.
  const rate = { lifeYears: 8, rateBasisPoints: 1250 };
  const atSender = runYears(fixedAsset({ inUseOn: '2022-05-01', cost: 24_000_000, rate }), 2022, 2024).asset;

  it('gets no wear from the sending school for the year it left', () => {
    const released = { ...atSender, status: 'TRANSFERRED' as const, disposedOn: '2025-06-10' };
    expect(wearDue(released, 2025)).toEqual([]);
    expect(wearSkipReason(released, 2025)).toBe('DISPOSED');
  });

  it('gets no wear from the sender even when it left in December: the receiver wears the year', () => {
    const released = { ...atSender, status: 'TRANSFERRED' as const, disposedOn: '2025-12-20' };
    expect(wearDue(released, 2025)).toEqual([]);
  });

  it("is worn for the year by the receiving school, continuing the sender's accumulated wear", () => {
    const atReceiver = fixedAsset({
      inUseOn: '2022-05-01',
      cost: 24_000_000,
      rate,
      openingWear: accumulatedWear(atSender),
      openingWearYear: 2024,
    });
    expect(accumulatedWear(atSender)).toBe(9_000_000);
    expect(wearDue(atReceiver, 2025)).toEqual([
      { year: 2025, costBasis: 24_000_000, amount: 3_000_000, accumulatedAfter: 12_000_000 },
    ]);
    const { rows } = runYears(atReceiver, 2025, 2035);
    expect(rows.map((row) => row.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(rows.at(-1)?.accumulatedAfter).toBe(24_000_000);
  });
});
