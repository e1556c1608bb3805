import { Injectable } from '@nestjs/common';
import type { AssetTotalFact } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { AssetsFactsRepository } from './assets-facts.repository';

/**
 * The assets port of the reporting read model: a school's assets on the books by class, kind and funding source, in
 * whole đồng. Runs in the caller's transaction under the school's scope. The department's and units' totals are sums
 * of these rows, so they equal the sum of their schools' to the đồng.
 */
@Injectable()
export class AssetsFacts {
  constructor(private readonly repo: AssetsFactsRepository) {}

  async assetTotals(em: EntityManager, schoolId: string): Promise<AssetTotalFact[]> {
    return (await this.repo.totalsOnBooks(em, schoolId)).map((r) => {
      const cost = Number(r.cost);
      const accumulatedWear = Number(r.accumulated_wear);
      return {
        assetClass: r.asset_class,
        kind: r.kind,
        fundingSource: r.funding_source,
        assets: r.assets,
        quantity: Number(r.quantity),
        cost,
        accumulatedWear,
        // Remaining value = original cost − accumulated wear (Circular 23/2023/TT-BTC Art. 16); a sum of the assets'
        // own remaining values, since both terms are sums over the same assets.
        remainingValue: cost - accumulatedWear,
      };
    });
  }
}
