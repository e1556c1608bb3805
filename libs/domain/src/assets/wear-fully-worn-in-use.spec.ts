import { accumulatedWear, wearDue, wearSkipReason } from './wear';
import { fixedAsset, runYears } from './wear.fixtures';

describe('an asset fully worn or broken beyond use stays on the books, worn no further (Art. 11.3, 5.3)', () => {
  const projector = fixedAsset({
    inUseOn: '2015-08-01',
    cost: 15_000_000,
    rate: { lifeYears: 5, rateBasisPoints: 2000 },
  });

  it('posts nothing for a fully worn projector still in use, and says why', () => {
    const { asset } = runYears(projector, 2015, 2019);
    expect(accumulatedWear(asset)).toBe(15_000_000);
    expect(asset.status).toBe('IN_USE');
    expect(wearDue(asset, 2026)).toEqual([]);
    expect(wearSkipReason(asset, 2026)).toBe('FULLY_WORN');
  });

  it('posts nothing for an asset fully worn on the paper books', () => {
    const fromPaper = fixedAsset({ cost: 15_000_000, openingWear: 15_000_000, openingWearYear: 2019 });
    expect(wearDue(fromPaper, 2026)).toEqual([]);
    expect(wearSkipReason(fromPaper, 2026)).toBe('FULLY_WORN');
  });

  it('posts nothing for an asset broken beyond use, though not fully worn', () => {
    const broken = fixedAsset({ inUseOn: '2024-02-01', cost: 15_000_000, condition: 'BROKEN' });
    expect(wearDue(broken, 2026)).toEqual([]);
    expect(wearSkipReason(broken, 2026)).toBe('BROKEN');
  });
});
