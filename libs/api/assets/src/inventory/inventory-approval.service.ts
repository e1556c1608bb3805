import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AssetInventory } from '@emis/contracts';
import { classifyAsset, inventoryAdjustment, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetHistory } from '../asset-history.repository';
import { AssetsEvents } from '../assets-events';
import { AssetRecord, AssetsRepository } from '../assets.repository';
import { AssetLock } from '../movements/asset-lock';
import { MovementsService } from '../movements/movements.service';
import { MovementsRepository } from '../movements/movements.repository';
import { CountingLine, InventoryHead, InventoryRepository } from './inventory.repository';
import { SURPLUS_DEFAULTS } from './inventory.service';

/** What one approval did, kept in the inventory's audit row (asset codes). */
interface ApprovalTally {
  disposed: string[];
  adjusted: string[];
  registered: string[];
  conditionChanged: string[];
}

/**
 * The head's approval of a closed inventory: its differences become movements, all in one transaction
 * (libs/domain inventoryAdjustment decides each line's; docs/domain/assets.md, "Inventory"):
 * - a fixed asset, or a whole lot, not found leaves the books as a LOSS disposal with its book values;
 * - a lot of tools found short keeps the counted quantity, its cost lowered by the missing items' share, and the
 *   missing items are written off as a LOSS disposal of that quantity (INVENTORY_ADJUSTED), so the tools book shows
 *   the decrease;
 * - what was found on no record — a surplus line, or the extra items of a lot — is registered as a new record whose
 *   document is the inventory (REGISTERED);
 * - a condition the committee recorded replaces the asset's.
 * Uncounted lines change nothing. An asset that can no longer move (disposed, transferred or frozen since) refuses
 * the whole approval.
 */
@Injectable()
export class InventoryApprovalService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: InventoryRepository,
    private readonly assets: AssetsRepository,
    private readonly lock: AssetLock,
    private readonly movements: MovementsService,
    private readonly movementRows: MovementsRepository,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly audit: AuditService,
  ) {}

  async approve(scope: Scope, schoolId: string, id: string, decisionNumber: string): Promise<AssetInventory> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const head = await this.repo.lockHead(em, schoolId, id);
      if (!head) throw new NotFoundException();
      if (head.status !== 'CLOSED')
        throw new ProblemException(HttpStatus.CONFLICT, 'inventory_not_closed', undefined, {
          inventoryStatus: head.status,
        });
      const tally: ApprovalTally = { disposed: [], adjusted: [], registered: [], conditionChanged: [] };
      const decision: Decision = { number: decisionNumber, date: todayInVietnam() };
      for (const line of await this.repo.countingLines(em, schoolId, id))
        await this.applyLine(em, schoolId, head, decision, line, tally);
      await this.repo.approve(em, schoolId, id, decisionNumber);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset_inventory',
        entityId: id,
        action: 'UPDATE',
        before: { status: head.status },
        after: { status: 'APPROVED', decisionNumber, ...tally },
      });
      await this.events.publishAssetsChanged(em, schoolId);
      return (await this.repo.summary(em, schoolId, id))!;
    });
  }

  private async applyLine(
    em: EntityManager,
    schoolId: string,
    head: InventoryHead,
    decision: Decision,
    line: CountingLine,
    tally: ApprovalTally,
  ): Promise<void> {
    const counted = { kind: line.kind, bookQuantity: line.bookQuantity, countedQuantity: line.countedQuantity };
    if (line.kind === null) {
      const found = inventoryAdjustment({ ...counted, cost: 0, unitCost: line.unitCost });
      if (found.action !== 'REGISTER') return;
      const assetId = await this.register(em, schoolId, head, decision, line, surplusItem(line, found.quantity), tally);
      await this.repo.linkSurplus(em, schoolId, line.id, assetId);
      return;
    }
    if (line.assetId === null || line.countedQuantity === null) return;
    if (line.countedQuantity === line.bookQuantity && line.condition === null) return;
    const asset = await this.lock.forMovement(em, schoolId, line.assetId, null);
    // The books' cost now, not the line's: a cost change since the inventory opened stays in.
    const adjustment = inventoryAdjustment({ ...counted, cost: asset.cost, unitCost: asset.unitCost });
    if (adjustment.action === 'DISPOSE_LOSS') {
      // A lent asset is at the borrower's: the loan, not the count, says where it is.
      if (asset.status === 'LENT')
        throw new ProblemException(HttpStatus.CONFLICT, 'asset_lent', undefined, { code: asset.code });
      await this.movements.disposeLocked(em, schoolId, asset, { ...lossOf(head, decision), proceeds: 0, costs: 0 });
      tally.disposed.push(asset.code);
      return;
    }
    if (adjustment.action === 'REDUCE') {
      await this.writeOff(em, schoolId, asset, head, decision, line, adjustment);
      tally.adjusted.push(asset.code);
    }
    if (adjustment.action === 'INCREASE') {
      const extra = { ...lotItem(asset, adjustment.extra), locationId: line.locationId };
      await this.register(em, schoolId, head, decision, line, extra, tally);
    }
    if (line.condition && line.condition !== asset.condition) {
      await this.repo.setCondition(em, schoolId, asset.id, line.condition);
      await this.history.record(em, schoolId, asset.id, 'INVENTORY_ADJUSTED', head.countDate, {
        ...detailsOf(head, decision, line),
        condition: { from: asset.condition, to: line.condition },
      });
      await this.auditAsset(em, schoolId, asset.id, { condition: asset.condition }, { condition: line.condition });
      tally.conditionChanged.push(asset.code);
    }
  }

  /** The missing items of a lot: a LOSS disposal of that quantity at their share of the cost; the lot keeps the rest. */
  private async writeOff(
    em: EntityManager,
    schoolId: string,
    asset: AssetRecord,
    head: InventoryHead,
    decision: Decision,
    line: CountingLine,
    reduce: { quantity: number; missing: number; value: number },
  ): Promise<void> {
    const loss = lossOf(head, decision);
    const disposalId = await this.movementRows.insertDisposal(em, schoolId, asset.id, {
      ...loss,
      quantity: reduce.missing,
      proceeds: 0,
      costs: 0,
      cost: reduce.value,
      // Tools are not worn (Art. 3.2): the missing items leave at their cost.
      accumulatedWear: 0,
    });
    const cost = asset.cost - reduce.value;
    await this.repo.adjustLot(em, schoolId, asset.id, reduce.quantity, cost);
    await this.history.record(em, schoolId, asset.id, 'INVENTORY_ADJUSTED', head.countDate, {
      ...detailsOf(head, decision, line),
      disposalId,
      quantity: { from: asset.quantity, to: reduce.quantity },
      cost: { from: asset.cost, to: cost },
    });
    await this.auditAsset(
      em,
      schoolId,
      asset.id,
      { quantity: asset.quantity, cost: asset.cost },
      { quantity: reduce.quantity, cost, disposalId, inventoryId: head.id },
    );
  }

  /**
   * What was found on no record, registered as a new one: put into use on the count date, funding source OTHER, the
   * approval's decision as its document, fixed asset or tool by the threshold (Art. 3.2). Answers its id.
   */
  private async register(
    em: EntityManager,
    schoolId: string,
    head: InventoryHead,
    decision: Decision,
    line: CountingLine,
    item: FoundItem,
    tally: ApprovalTally,
  ): Promise<string> {
    const kind = classifyAsset(item.unitCost, await this.assets.fixedAssetThreshold(em));
    const code = await this.assets.nextCode(em, schoolId, kind === 'FIXED' ? 'TS' : 'CC');
    const fields = {
      ...item,
      code,
      kind,
      originalCost: item.unitCost * item.quantity,
      fundingSource: 'OTHER',
      inUseOn: head.countDate,
      documentNumber: decision.number,
      documentDate: decision.date,
      responsible: null,
      condition: line.condition ?? 'GOOD',
      status: 'IN_USE',
      openingWear: 0,
      openingWearYear: null,
      note: line.note ?? `Thừa khi kiểm kê: ${head.title}`,
    } as const;
    const assetId = await this.assets.insert(em, schoolId, fields, new Date());
    await this.history.record(em, schoolId, assetId, 'REGISTERED', head.countDate, {
      ...detailsOf(head, decision, line),
      document: 'INVENTORY',
    });
    await this.audit.record(em, { schoolId, entity: 'asset', entityId: assetId, action: 'CREATE', after: fields });
    tally.registered.push(code);
    return assetId;
  }

  private auditAsset(em: EntityManager, schoolId: string, assetId: string, before: object, after: object) {
    return this.audit.record(em, { schoolId, entity: 'asset', entityId: assetId, action: 'UPDATE', before, after });
  }
}

interface Decision {
  number: string;
  date: string;
}

/** What a new record found in the count is: its name, category, unit, cost of one item, quantity and room. */
interface FoundItem {
  name: string;
  categoryCode: string;
  unit: string;
  unitCost: number;
  quantity: number;
  locationId: string | null;
}

function surplusItem(line: CountingLine, quantity: number): FoundItem {
  return {
    name: line.name,
    categoryCode: line.categoryCode ?? SURPLUS_DEFAULTS.categoryCode,
    unit: line.unit ?? SURPLUS_DEFAULTS.unit,
    unitCost: line.unitCost,
    quantity,
    locationId: line.locationId,
  };
}

/** The extra items of a lot: a lot of their own, described as the lot they were counted with. */
function lotItem(asset: AssetRecord, quantity: number): FoundItem {
  const { name, categoryCode, unit, unitCost } = asset;
  return { name, categoryCode, unit, unitCost, quantity, locationId: asset.location?.id ?? null };
}

/** A loss found by the inventory: decided by the approval, dated the day of the count. */
function lossOf(head: InventoryHead, decision: Decision) {
  return {
    method: 'LOSS' as const,
    decisionNumber: decision.number,
    decisionDate: decision.date,
    disposedOn: head.countDate,
    note: `Thiếu khi kiểm kê: ${head.title}`,
  };
}

function detailsOf(head: InventoryHead, decision: Decision, line: CountingLine): Record<string, unknown> {
  return { inventoryId: head.id, lineId: line.id, decisionNumber: decision.number };
}
