import { Injectable } from '@nestjs/common';
import type { AssetDetail, CostChangeInput } from '@emis/contracts';
import { CostChangeKind, isRealDate, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, RawFieldError, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { AssetDetails } from '../asset-details';
import { AssetHistory } from '../asset-history.repository';
import { AssetRecord, AssetsRepository } from '../assets.repository';
import { AssetsEvents } from '../assets-events';
import { AssetLock } from '../movements/asset-lock';
import { dong } from './register-rules';

/**
 * Which way each kind of change may move the original cost: an upgrade or a repair that adds value raises it, the
 * removal of a part lowers it, a revaluation sets it to what the valuation found (docs/domain/assets.md, cost changes).
 */
const DIRECTION: Record<CostChangeKind, 'UP' | 'DOWN' | 'ANY'> = {
  UPGRADE: 'UP',
  REPAIR: 'UP',
  PARTIAL_REMOVAL: 'DOWN',
  REVALUATION: 'ANY',
};

/**
 * Changes of an asset's original cost after it was put into use. The history line (COST_CHANGED with the cost from
 * its date on) is what the wear of the later years is computed from; posted years are never rewritten.
 */
@Injectable()
export class CostChangeService {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly details: AssetDetails,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly lock: AssetLock,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async changeCost(scope: Scope, schoolId: string, assetId: string, input: CostChangeInput): Promise<AssetDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lock.forMovement(em, schoolId, assetId, input.version);
      const errors = costChangeErrors(before, input, todayInVietnam());
      if (errors.length) throw new ValidationProblem(errors);
      await this.assets.setCost(em, schoolId, assetId, input.newCost, new Date());
      await this.history.record(
        em,
        schoolId,
        assetId,
        'COST_CHANGED',
        input.effectiveOn,
        {
          kind: input.kind,
          costBefore: before.cost,
          documentNumber: input.documentNumber,
          note: input.note ?? null,
        },
        input.newCost,
      );
      const after = await this.details.load(em, schoolId, assetId);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset',
        entityId: assetId,
        action: 'UPDATE',
        before: { cost: before.cost, version: before.version },
        after: { cost: after.cost, version: after.version, costChange: { ...input, version: undefined } },
      });
      await this.events.publishAssetsChanged(em, schoolId, assetId);
      return after;
    });
  }
}

/**
 * The change must move the cost the way its kind does, take effect on a real day between the day the asset was put
 * into use and today, and leave a cost no lower than the wear already accumulated: the remaining value (cost − wear,
 * Art. 16) cannot be negative.
 */
export function costChangeErrors(asset: AssetRecord, input: CostChangeInput, today: string): RawFieldError[] {
  const errors: RawFieldError[] = [];
  const direction = DIRECTION[input.kind];
  if (direction === 'UP' && input.newCost <= asset.cost)
    errors.push({ field: 'newCost', rule: 'costChangeMustRaise', args: [dong(asset.cost)] });
  if (direction === 'DOWN' && input.newCost >= asset.cost)
    errors.push({ field: 'newCost', rule: 'costChangeMustLower', args: [dong(asset.cost)] });
  if (direction === 'ANY' && input.newCost === asset.cost)
    errors.push({ field: 'newCost', rule: 'costChangeUnchanged', args: [dong(asset.cost)] });
  if (input.newCost < asset.accumulatedWear)
    errors.push({ field: 'newCost', rule: 'costBelowWear', args: [dong(asset.accumulatedWear)] });
  if (!isRealDate(input.effectiveOn)) errors.push({ field: 'effectiveOn', rule: 'costChangeDate', args: [] });
  else if (input.effectiveOn < asset.inUseOn || input.effectiveOn > today)
    errors.push({ field: 'effectiveOn', rule: 'costChangeDateRange', args: [] });
  return errors;
}
