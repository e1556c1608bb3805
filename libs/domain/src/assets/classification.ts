import type { AssetKind } from './asset-types';

/**
 * Art. 3.2: a durable item whose cost is at or above the threshold (10,000,000 đ by default; Art. 3.3 lets a
 * self-financing unit use another, so it is configuration) is a fixed asset and is worn; below it, a tool or
 * instrument tracked by quantity and never worn.
 */
export function classifyAsset(unitCost: number, threshold: number): AssetKind {
  return unitCost >= threshold ? 'FIXED' : 'TOOL';
}
