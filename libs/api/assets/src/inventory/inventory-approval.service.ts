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
import { CountingLine, InventoryHead, InventoryRepository } from './inventory.repository';
import { SURPLUS_DEFAULTS } from './inventory.service';

/** What one approval did, kept in the inventory's audit row. */
interface ApprovalTally {
  disposed: string[];
  adjusted: string[];
  registered: string[];
  conditionChanged: string[];
}

/**
 * The head's approval of a closed inventory: its differences become movements, all in one transaction
 * (libs/domain inventoryAdjustment decides each line's): a fixed asset, or a whole lot, not found leaves the books
 * as a LOSS disposal with its book values; a lot of tools found short or over keeps the counted quantity with its
 * cost changed by the items' share (INVENTORY_ADJUSTED); a surplus line is registered as a new asset whose document
 * is the inventory (REGISTERED); a condition the committee recorded replaces the asset's. Uncounted lines change
 * nothing. Any asset that can no longer move (disposed, transferred or frozen since) refuses the whole approval.
 */
@Injectable()
export class InventoryApprovalService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: InventoryRepository,
    private readonly assets: AssetsRepository,
    private readonly lock: AssetLock,
    private readonly movements: MovementsService,
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
      const decision = { number: decisionNumber, date: todayInVietnam() };
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
    decision: { number: string; date: string },
    line: CountingLine,
    tally: ApprovalTally,
  ): Promise<void> {
    const counted = { kind: line.kind, bookQuantity: line.bookQuantity, countedQuantity: line.countedQuantity };
    if (line.kind === null) {
      const found = inventoryAdjustment({ ...counted, cost: 0, unitCost: line.unitCost });
      if (found.action === 'REGISTER')
        tally.registered.push(await this.register(em, schoolId, head, decision, line, found.quantity));
      return;
    }
    if (line.assetId === null || line.countedQuantity === null) return;
    if (line.countedQuantity === line.bookQuantity && line.condition === null) return;
    const asset = await this.lock.forMovement(em, schoolId, line.assetId, null);
    // The books' cost now, not the line's: a cost change since the inventory opened stays in.
    const adjustment = inventoryAdjustment({ ...counted, cost: asset.cost, unitCost: asset.unitCost });
    const details = { inventoryId: head.id, lineId: line.id, decisionNumber: decision.number };
    if (adjustment.action === 'DISPOSE_LOSS') {
      // A lent asset is at the borrower's: the loan, not the count, says where it is.
      if (asset.status === 'LENT')
        throw new ProblemException(HttpStatus.CONFLICT, 'asset_lent', undefined, { code: asset.code });
      await this.movements.disposeLocked(em, schoolId, asset, {
        method: 'LOSS',
        decisionNumber: decision.number,
        decisionDate: decision.date,
        disposedOn: head.countDate,
        proceeds: 0,
        costs: 0,
        note: `Thiếu khi kiểm kê: ${head.title}`,
      });
      tally.disposed.push(asset.code);
      return;
    }
    if (adjustment.action === 'REDUCE' || adjustment.action === 'INCREASE') {
      const value = adjustment.action === 'REDUCE' ? -adjustment.value : adjustment.value;
      await this.adjust(em, schoolId, asset, head, adjustment.quantity, asset.cost + value, details);
      tally.adjusted.push(asset.code);
    }
    if (line.condition && line.condition !== asset.condition) {
      await this.repo.setCondition(em, schoolId, asset.id, line.condition);
      await this.history.record(em, schoolId, asset.id, 'INVENTORY_ADJUSTED', head.countDate, {
        ...details,
        condition: { from: asset.condition, to: line.condition },
      });
      await this.auditAsset(em, schoolId, asset.id, { condition: asset.condition }, { condition: line.condition });
      tally.conditionChanged.push(asset.code);
    }
  }

  /** A lot of tools takes the counted quantity; its cost follows by the items' share. */
  private async adjust(
    em: EntityManager,
    schoolId: string,
    asset: AssetRecord,
    head: InventoryHead,
    quantity: number,
    cost: number,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.repo.adjustLot(em, schoolId, asset.id, quantity, cost);
    await this.history.record(em, schoolId, asset.id, 'INVENTORY_ADJUSTED', head.countDate, {
      ...details,
      quantity: { from: asset.quantity, to: quantity },
      cost: { from: asset.cost, to: cost },
    });
    await this.auditAsset(
      em,
      schoolId,
      asset.id,
      { quantity: asset.quantity, cost: asset.cost },
      { quantity, cost, inventoryId: head.id },
    );
  }

  /**
   * A surplus line registered as a new asset: put into use on the count date, funding source OTHER, the approval's
   * decision as its document, fixed asset or tool by the threshold (Art. 3.2). Answers its code.
   */
  private async register(
    em: EntityManager,
    schoolId: string,
    head: InventoryHead,
    decision: { number: string; date: string },
    line: CountingLine,
    quantity: number,
  ): Promise<string> {
    const kind = classifyAsset(line.unitCost, await this.assets.fixedAssetThreshold(em));
    const code = await this.assets.nextCode(em, schoolId, kind === 'FIXED' ? 'TS' : 'CC');
    const fields = {
      code,
      name: line.name,
      categoryCode: line.categoryCode ?? SURPLUS_DEFAULTS.categoryCode,
      kind,
      quantity,
      unit: line.unit ?? SURPLUS_DEFAULTS.unit,
      unitCost: line.unitCost,
      originalCost: line.unitCost * quantity,
      fundingSource: 'OTHER',
      inUseOn: head.countDate,
      documentNumber: decision.number,
      documentDate: decision.date,
      locationId: line.locationId,
      responsible: null,
      condition: line.condition ?? 'GOOD',
      status: 'IN_USE',
      openingWear: 0,
      openingWearYear: null,
      note: line.note ?? `Thừa khi kiểm kê: ${head.title}`,
    } as const;
    const assetId = await this.assets.insert(em, schoolId, fields, new Date());
    await this.repo.linkSurplus(em, schoolId, line.id, assetId);
    await this.history.record(em, schoolId, assetId, 'REGISTERED', head.countDate, {
      inventoryId: head.id,
      lineId: line.id,
      decisionNumber: decision.number,
      document: 'INVENTORY',
    });
    await this.audit.record(em, { schoolId, entity: 'asset', entityId: assetId, action: 'CREATE', after: fields });
    return code;
  }

  private auditAsset(em: EntityManager, schoolId: string, assetId: string, before: object, after: object) {
    return this.audit.record(em, { schoolId, entity: 'asset', entityId: assetId, action: 'UPDATE', before, after });
  }
}
