import { DEFAULT_FIXED_ASSET_THRESHOLD } from './asset-types';
import { classifyAsset } from './classification';
import { wearDue, wearSkipReason } from './wear';
import { fixedAsset } from './wear.fixtures';

describe('classification against the threshold (Art. 3.2)', () => {
  it('makes a desk set at 9,900,000 đ a tool or instrument, never worn', () => {
    expect(classifyAsset(9_900_000, DEFAULT_FIXED_ASSET_THRESHOLD)).toBe('TOOL');
    const deskSet = fixedAsset({ kind: 'TOOL', cost: 9_900_000, rate: { lifeYears: 8, rateBasisPoints: 1250 } });
    expect(wearDue(deskSet, 2020)).toEqual([]);
    expect(wearSkipReason(deskSet, 2020)).toBe('NOT_WORN');
  });

  it('makes an item at exactly 10,000,000 đ a fixed asset ("from 10 million up")', () => {
    expect(classifyAsset(10_000_000, DEFAULT_FIXED_ASSET_THRESHOLD)).toBe('FIXED');
    expect(classifyAsset(9_999_999, DEFAULT_FIXED_ASSET_THRESHOLD)).toBe('TOOL');
  });

  it('follows the configured threshold of a self-financing unit (Art. 3.3)', () => {
    expect(classifyAsset(20_000_000, 30_000_000)).toBe('TOOL');
  });
});
