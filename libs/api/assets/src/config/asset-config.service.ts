import { Injectable, NotFoundException } from '@nestjs/common';
import type { AssetCategory, AssetCategoryUpdate, AssetPolicy } from '@emis/contracts';
import { categoryOverrideProblems, type CategoryOverrideRule } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { Principal, TenantDb, ValidationProblem } from '@emis/api/platform';
import { AssetConfigRepository } from './asset-config.repository';

/** The message rule of each override problem (libs/api/assets/src/messages.ts). */
const OVERRIDE_RULES: Record<CategoryOverrideRule, string> = {
  NOT_WORN: 'wearNotWorn',
  RATE_OUT_OF_RANGE: 'wearRateOutOfRange',
  LIFE_OUT_OF_RANGE: 'wearLifeOutOfRange',
  NOT_APPLICABLE: 'wearNotApplicable',
};

/**
 * The province's configuration of public assets (docs/domain/assets.md "Rates and lives"): the wear categories with
 * the department's override, and the threshold of a fixed asset. Read by everyone who reads assets; written by the
 * department's administrator, audited in the chain of the writer's own unit (the department), whatever unit they view.
 */
@Injectable()
export class AssetConfigService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: AssetConfigRepository,
    private readonly audit: AuditService,
  ) {}

  categories(): Promise<AssetCategory[]> {
    return this.db.run((em) => this.repo.categories(em));
  }

  /** Sets or clears the override of a category; a field left out keeps its value. */
  async updateCategory(actor: Principal, code: string, update: AssetCategoryUpdate): Promise<AssetCategory> {
    return this.db.run(async (em) => {
      const before = await this.repo.category(em, code, true);
      if (!before) throw new NotFoundException();
      const override = {
        lifeYears: update.lifeYears === undefined ? before.lifeYears : update.lifeYears,
        rateBasisPoints: update.rateBasisPoints === undefined ? before.rateBasisPoints : update.rateBasisPoints,
      };
      const problems = categoryOverrideProblems(before, override);
      if (problems.length > 0)
        throw new ValidationProblem(
          problems.map((p) => ({ field: p.field, rule: OVERRIDE_RULES[p.rule], args: [p.min, p.max] })),
        );
      await this.repo.setOverride(em, code, override, actor.userId);
      const after = (await this.repo.category(em, code)) as AssetCategory;
      await this.audit.record(em, {
        schoolId: actor.orgUnitId,
        entity: 'asset_category',
        entityId: code,
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }

  policy(): Promise<AssetPolicy> {
    return this.db.run((em) => this.repo.policy(em));
  }

  async updatePolicy(actor: Principal, policy: AssetPolicy): Promise<AssetPolicy> {
    return this.db.run(async (em) => {
      const before = await this.repo.policy(em);
      await this.repo.setPolicy(em, { fixedAssetThreshold: policy.fixedAssetThreshold }, actor.userId);
      const after = await this.repo.policy(em);
      await this.audit.record(em, {
        schoolId: actor.orgUnitId,
        entity: 'asset_policy',
        entityId: 'threshold',
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }
}
