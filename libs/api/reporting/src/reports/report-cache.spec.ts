import { ReportCache } from './report-cache';

describe('ReportCache', () => {
  it('answers a second lookup with the same facts version from the cache', async () => {
    const cache = new ReportCache();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('k', 'v1', compute)).toBe(1);
    expect(await cache.get('k', 'v1', compute)).toBe(1);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, size: 1 });
  });

  it('recomputes when the facts version changed', async () => {
    const cache = new ReportCache();
    let computed = 0;
    const compute = async () => ++computed;
    await cache.get('k', 'v1', compute);
    expect(await cache.get('k', 'v2', compute)).toBe(2);
    expect(await cache.get('k', 'v2', compute)).toBe(2);
  });

  it('keeps at most its capacity, dropping the least recently used first', async () => {
    const cache = new ReportCache();
    for (let i = 0; i < 501; i++) await cache.get(`k${i}`, 'v', async () => i);
    expect(cache.stats().size).toBe(500);
    // k0 was dropped, k1 is still there.
    expect(await cache.get('k1', 'v', async () => -1)).toBe(1);
    expect(await cache.get('k0', 'v', async () => -1)).toBe(-1);
  });
});
