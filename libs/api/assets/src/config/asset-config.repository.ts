import { Injectable } from '@nestjs/common';
import type { AssetCategory, AssetPolicy } from '@emis/contracts';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

const CATEGORY_COLUMNS = `
  code, asset_class as "assetClass", name_vi as "nameVi", name_en as "nameEn",
  default_life_years as "defaultLifeYears", default_rate_bp as "defaultRateBasisPoints",
  life_years as "lifeYears", rate_bp as "rateBasisPoints", worn, updated_at as "updatedAt"`;

type CategoryRow = Omit<AssetCategory, 'updatedAt'> & { updatedAt: Date | null };

function toCategory(row: CategoryRow): AssetCategory {
  return { ...row, updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null };
}

/** The province's configuration of assets: wear categories (asset_category) and the threshold (asset_policy). */
@Injectable()
export class AssetConfigRepository {
  async categories(em: EntityManager): Promise<AssetCategory[]> {
    const rows = await sqlRows<CategoryRow>(em, `select ${CATEGORY_COLUMNS} from asset_category order by sort_order`);
    return rows.map(toCategory);
  }

  async category(em: EntityManager, code: string, forUpdate = false): Promise<AssetCategory | undefined> {
    const row = await sqlRow<CategoryRow>(
      em,
      `select ${CATEGORY_COLUMNS} from asset_category where code = $1 ${forUpdate ? 'for update' : ''}`,
      [code],
    );
    return row && toCategory(row);
  }

  async setOverride(
    em: EntityManager,
    code: string,
    override: { lifeYears: number | null; rateBasisPoints: number | null },
    userId: string,
  ): Promise<void> {
    await sqlExec(
      em,
      `update asset_category set life_years = $2, rate_bp = $3, updated_at = now(), updated_by = $4 where code = $1`,
      [code, override.lifeYears, override.rateBasisPoints, userId],
    );
  }

  async policy(em: EntityManager): Promise<AssetPolicy> {
    const row = await sqlRow<{ threshold: string }>(
      em,
      `select fixed_asset_threshold::text as threshold from asset_policy where id`,
    );
    return { fixedAssetThreshold: Number(row?.threshold) };
  }

  async setPolicy(em: EntityManager, policy: AssetPolicy, userId: string): Promise<void> {
    await sqlExec(
      em,
      `update asset_policy set fixed_asset_threshold = $1, updated_at = now(), updated_by = $2 where id`,
      [policy.fixedAssetThreshold, userId],
    );
  }
}
