import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AssetTransfer, AssetTransferInput } from '@emis/contracts';
import { AssetTransferStatus } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AssetHistory } from '../asset-history.repository';
import { AssetsEvents } from '../assets-events';
import { AssetRecord, AssetsRepository } from '../assets.repository';
import { AssetLock } from './asset-lock';
import { AssetTransfersRepository, TransferSide, TransferSnapshot } from './asset-transfers.repository';

/**
 * Moving an asset between two schools of the province, two-sided like a pupil's transfer
 * (docs/adr/cross-tenant-workflows.md): the sending school releases it by a decision, the receiving school accepts or
 * rejects, the sender may cancel while it is pending. Each school sees only its own side (RLS); the other side is
 * written under a second scope of exactly that one school, in the same transaction, and each side is audited in its
 * own school. While pending the asset stays on the sender's books, frozen (AssetLock). On acceptance the receiver
 * registers it under the same id with its cost and the wear accumulated so far, and wears it for the year of the
 * transfer (Art. 12.1.c, 14.2.b, Circular 23/2023/TT-BTC); the sender's record becomes TRANSFERRED, read-only.
 */
@Injectable()
export class AssetTransfersService {
  constructor(
    private readonly db: TenantDb,
    private readonly tree: OrgTreeService,
    private readonly lock: AssetLock,
    private readonly repo: AssetTransfersRepository,
    private readonly assets: AssetsRepository,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly audit: AuditService,
  ) {}

  /** The sender releases the asset: an OUT row here, an IN row with the asset's snapshot at the receiver. */
  async release(scope: Scope, schoolId: string, assetId: string, input: AssetTransferInput): Promise<AssetTransfer> {
    assertInScope(scope, schoolId);
    const target = await this.tree.get(input.toSchoolId);
    if (!target || target.kind !== 'SCHOOL')
      throw new ValidationProblem([{ field: 'toSchoolId', rule: 'unknownSchool', args: [] }]);
    if (target.id === schoolId) throw new ValidationProblem([{ field: 'toSchoolId', rule: 'sameSchool', args: [] }]);
    return this.db.run(async (em) => {
      const asset = await this.lock.forMovement(em, schoolId, assetId, input.version);
      if (asset.status === 'LENT') throw new ProblemException(HttpStatus.CONFLICT, 'asset_lent');
      if (input.effectiveOn < asset.inUseOn)
        throw new ValidationProblem([{ field: 'effectiveOn', rule: 'notBefore', args: [asset.inUseOn] }]);
      const snapshot = await this.snapshotOf(em, schoolId, asset);
      const side = {
        id: randomUUID(),
        assetId,
        effectiveOn: input.effectiveOn,
        decisionNumber: input.decisionNumber,
        snapshot,
      };
      const at = new Date();
      await this.repo.insert(em, { ...side, schoolId, direction: 'OUT', otherSchoolId: target.id }, at);
      await this.auditSide(em, schoolId, side.id, 'CREATE', null, { direction: 'OUT', toSchoolId: target.id, ...side });
      await this.inSchool(em, target.id, scope, async () => {
        await this.repo.insert(em, { ...side, schoolId: target.id, direction: 'IN', otherSchoolId: schoolId }, at);
        await this.auditSide(em, target.id, side.id, 'CREATE', null, {
          direction: 'IN',
          fromSchoolId: schoolId,
          ...side,
        });
      });
      return this.repo.view(em, schoolId, side.id);
    });
  }

  /**
   * The receiver accepts: the sender's record is read afresh (wear may have been posted while the transfer waited),
   * marked TRANSFERRED with a TRANSFER_OUT row; the receiver registers the asset under the same id, with a TRANSFER_IN
   * row. Both sides publish assets.changed: the department's totals move from one school to the other.
   */
  async accept(scope: Scope, schoolId: string, transferId: string, locationId: string | null): Promise<AssetTransfer> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const side = await this.pendingSide(em, schoolId, transferId, 'IN');
      if (locationId && !(await this.assets.locationExists(em, schoolId, locationId)))
        throw new ValidationProblem([{ field: 'locationId', rule: 'unknownAssetLocation', args: [] }]);
      // An asset coming back to a school it once left would need its old record revived: not supported yet.
      if (await this.repo.assetKnown(em, schoolId, side.assetId))
        throw new ProblemException(HttpStatus.CONFLICT, 'asset_already_known');
      const at = new Date();
      const leaving = await this.inSchool(em, side.otherSchoolId, scope, () => this.handOver(em, side, at));
      const code = await this.freeCode(em, schoolId, leaving);
      await this.repo.insertArriving(
        em,
        schoolId,
        {
          id: side.assetId,
          code,
          snapshot: leaving,
          locationId,
          decisionNumber: side.decisionNumber,
          effectiveOn: side.effectiveOn,
        },
        at,
      );
      await this.history.record(em, schoolId, side.assetId, 'TRANSFER_IN', side.effectiveOn, {
        transferId: side.id,
        fromSchoolId: side.otherSchoolId,
        decisionNumber: side.decisionNumber,
        cost: leaving.cost,
        originalCostAtSender: leaving.originalCost,
        accumulatedWear: leaving.accumulatedWear,
        openingWearYear: leaving.lastWearYear,
      });
      await this.repo.decide(em, schoolId, side.id, 'ACCEPTED', null, at);
      await this.auditSide(em, schoolId, side.id, 'UPDATE', { status: 'PENDING' }, { status: 'ACCEPTED', locationId });
      await this.audit.record(em, {
        schoolId,
        entity: 'asset',
        entityId: side.assetId,
        action: 'CREATE',
        after: { ...leaving, code, locationId, transferId: side.id, fromSchoolId: side.otherSchoolId },
      });
      await this.events.publishAssetsChanged(em, schoolId, side.assetId);
      return this.repo.view(em, schoolId, side.id);
    });
  }

  /** The receiver declines, with a reason both sides keep; the asset stays with the sender, unfrozen. */
  reject(scope: Scope, schoolId: string, transferId: string, reason: string): Promise<AssetTransfer> {
    return this.close(scope, schoolId, transferId, 'IN', 'REJECTED', reason);
  }

  /** The sender withdraws a release nobody has decided on yet. */
  cancel(scope: Scope, schoolId: string, transferId: string): Promise<AssetTransfer> {
    return this.close(scope, schoolId, transferId, 'OUT', 'CANCELLED', null);
  }

  async list(
    scope: Scope,
    schoolId: string,
    filter: { direction?: 'IN' | 'OUT'; status?: AssetTransferStatus },
  ): Promise<AssetTransfer[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.repo.list(em, schoolId, filter));
  }

  /**
   * At the sender (its scope): the OUT side decided, the asset TRANSFERRED with its history row, audited; answers
   * the asset as it leaves, read now rather than from the release's snapshot.
   */
  private async handOver(em: EntityManager, side: TransferSide, at: Date): Promise<TransferSnapshot> {
    const senderId = side.otherSchoolId;
    if (!(await this.repo.decide(em, senderId, side.id, 'ACCEPTED', null, at)))
      throw new ProblemException(HttpStatus.CONFLICT, 'asset_transfer_not_pending');
    const asset = await this.assets.find(em, senderId, side.assetId, true);
    if (!asset || asset.status === 'DISPOSED' || asset.status === 'TRANSFERRED')
      throw new ProblemException(HttpStatus.CONFLICT, 'asset_off_the_books');
    const leaving = await this.snapshotOf(em, senderId, asset);
    await this.repo.markTransferred(em, senderId, side.assetId, side.effectiveOn);
    await this.history.record(em, senderId, side.assetId, 'TRANSFER_OUT', side.effectiveOn, {
      transferId: side.id,
      toSchoolId: side.schoolId,
      decisionNumber: side.decisionNumber,
      cost: leaving.cost,
      accumulatedWear: leaving.accumulatedWear,
    });
    await this.auditSide(em, senderId, side.id, 'UPDATE', { status: 'PENDING' }, { status: 'ACCEPTED' });
    await this.audit.record(em, {
      schoolId: senderId,
      entity: 'asset',
      entityId: side.assetId,
      action: 'UPDATE',
      before: { status: asset.status },
      after: { status: 'TRANSFERRED', disposedOn: side.effectiveOn, transferId: side.id, toSchoolId: side.schoolId },
    });
    await this.events.publishAssetsChanged(em, senderId, side.assetId);
    return leaving;
  }

  private async close(
    scope: Scope,
    schoolId: string,
    transferId: string,
    direction: 'IN' | 'OUT',
    status: AssetTransferStatus,
    reason: string | null,
  ): Promise<AssetTransfer> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const side = await this.pendingSide(em, schoolId, transferId, direction);
      const at = new Date();
      await this.repo.decide(em, schoolId, side.id, status, reason, at);
      await this.auditSide(em, schoolId, side.id, 'UPDATE', { status: 'PENDING' }, { status, reason });
      await this.inSchool(em, side.otherSchoolId, scope, async () => {
        if (!(await this.repo.decide(em, side.otherSchoolId, side.id, status, reason, at)))
          throw new ProblemException(HttpStatus.CONFLICT, 'asset_transfer_not_pending');
        await this.auditSide(em, side.otherSchoolId, side.id, 'UPDATE', { status: 'PENDING' }, { status, reason });
      });
      return this.repo.view(em, schoolId, side.id);
    });
  }

  private async pendingSide(
    em: EntityManager,
    schoolId: string,
    transferId: string,
    direction: 'IN' | 'OUT',
  ): Promise<TransferSide> {
    const side = await this.repo.lockSide(em, schoolId, transferId);
    if (!side) throw new NotFoundException();
    // The sender cannot accept or reject its own release, nor the receiver cancel it.
    if (side.direction !== direction)
      throw new ProblemException(HttpStatus.CONFLICT, 'asset_transfer_wrong_side', undefined, {
        direction: side.direction,
      });
    if (side.status !== 'PENDING')
      throw new ProblemException(HttpStatus.CONFLICT, 'asset_transfer_not_pending', undefined, {
        transferStatus: side.status,
      });
    return side;
  }

  /** The asset's own code when the receiver has no asset under it, otherwise the receiver's next free code. */
  private async freeCode(em: EntityManager, schoolId: string, s: TransferSnapshot): Promise<string> {
    if (!(await this.assets.codeHolder(em, schoolId, s.code))) return s.code;
    return this.assets.nextCode(em, schoolId, s.kind === 'FIXED' ? 'TS' : 'CC');
  }

  private async snapshotOf(em: EntityManager, schoolId: string, a: AssetRecord): Promise<TransferSnapshot> {
    return {
      code: a.code,
      name: a.name,
      categoryCode: a.categoryCode,
      cost: a.cost,
      accumulatedWear: a.openingWear + a.postedWear,
      kind: a.kind,
      quantity: a.quantity,
      unit: a.unit,
      unitCost: a.unitCost,
      originalCost: a.originalCost,
      fundingSource: a.fundingSource,
      inUseOn: a.inUseOn,
      condition: a.condition,
      lastWearYear: await this.repo.lastWearYear(em, schoolId, a.id),
      note: a.note,
    };
  }

  /** Acts in the other school of a transfer (its scope only) inside the caller's transaction: TenantDb.inOtherSchool. */
  private async inSchool<T>(em: EntityManager, otherSchoolId: string, own: Scope, work: () => Promise<T>): Promise<T> {
    return this.db.inOtherSchool(em, own, await this.tree.scopeFor(otherSchoolId), work);
  }

  private auditSide(
    em: EntityManager,
    schoolId: string,
    transferId: string,
    action: 'CREATE' | 'UPDATE',
    before: unknown,
    after: unknown,
  ): Promise<number> {
    return this.audit.record(em, { schoolId, entity: 'asset_transfer', entityId: transferId, action, before, after });
  }
}
