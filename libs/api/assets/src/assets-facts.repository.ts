import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import type { AssetClass, AssetKind, FundingSource } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** A school's assets on the books summed per class × kind × funding source; sums of bigint arrive as text. */
export interface AssetTotalRow {
  asset_class: AssetClass;
  kind: AssetKind;
  funding_source: FundingSource;
  assets: number;
  quantity: string;
  cost: string;
  accumulated_wear: string;
}

/** The query behind AssetsFacts. */
@Injectable()
export class AssetsFactsRepository {
  /**
   * The register summed per class (from the asset's category), kind and funding source. Disposed and transferred
   * assets have left the books; every other status — idle, under repair, lent, awaiting disposal, and fully worn or
   * broken assets still in use (Art. 11.3, 5.3) — stays on them.
   */
  async totalsOnBooks(em: EntityManager, schoolId: string): Promise<AssetTotalRow[]> {
    return sqlRows<AssetTotalRow>(
      em,
      `select c.asset_class, a.kind, a.funding_source, count(*)::int as assets,
              sum(a.quantity)::text as quantity, sum(a.cost)::text as cost,
              sum(a.opening_wear + a.posted_wear)::text as accumulated_wear
         from asset a join asset_category c on c.code = a.category_code
        where a.school_id = $1 and a.status not in ('DISPOSED', 'TRANSFERRED')
        group by c.asset_class, a.kind, a.funding_source`,
      [schoolId],
    );
  }
}
