import { Injectable, NotFoundException } from '@nestjs/common';
import type { AssetDetail, AssetSummary } from '@emis/contracts';
import { effectiveRate } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { AssetHistory } from './asset-history.repository';
import { AssetRecord, AssetsRepository } from './assets.repository';
import { AssetAttachmentsRepository } from './register/asset-attachments.repository';

/**
 * An asset as its record page shows it: the register row, its history, the wear posted, its attachments, and the
 * loan and the transfer still open. Every action on an asset answers with it, read in the action's transaction.
 */
@Injectable()
export class AssetDetails {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly history: AssetHistory,
    private readonly attachments: AssetAttachmentsRepository,
  ) {}

  async load(em: EntityManager, schoolId: string, assetId: string): Promise<AssetDetail> {
    const record = await this.assets.find(em, schoolId, assetId);
    if (!record) throw new NotFoundException();
    return {
      ...detailOf(record),
      history: await this.history.list(em, schoolId, assetId),
      wear: await this.assets.wearRows(em, schoolId, assetId),
      attachments: await this.attachments.list(em, schoolId, assetId),
      // Written by the movements: null when the asset is not out on loan or on its way to another school.
      openLoan: await this.assets.openLoan(em, schoolId, assetId),
      pendingTransfer: await this.assets.pendingTransfer(em, schoolId, assetId),
    };
  }
}

/** The list's view of a register row. */
export function summaryOf(r: AssetRecord): AssetSummary {
  const { id, code, name, assetClass, categoryCode, kind, quantity, unit, cost, accumulatedWear, remainingValue } = r;
  const { fundingSource, inUseOn, location, responsible, condition, status } = r;
  return {
    ...{ id, code, name, assetClass, categoryCode, kind, quantity, unit, cost, accumulatedWear, remainingValue },
    ...{ fundingSource, inUseOn, location, responsible, condition, status },
  };
}

/** The register row as the record page shows it, with the rate its next wear uses (province override applied). */
function detailOf(
  r: AssetRecord,
): Omit<AssetDetail, 'history' | 'wear' | 'attachments' | 'openLoan' | 'pendingTransfer'> {
  // Tools are never worn (Art. 3.2): they show no rate even when their category has one.
  const rate = r.kind === 'FIXED' ? effectiveRate(r.category) : null;
  return {
    ...summaryOf(r),
    unitCost: r.unitCost,
    originalCost: r.originalCost,
    documentNumber: r.documentNumber,
    documentDate: r.documentDate,
    note: r.note,
    openingWear: r.openingWear,
    openingWearYear: r.openingWearYear,
    lifeYears: rate?.lifeYears ?? null,
    rateBasisPoints: rate?.rateBasisPoints ?? null,
    version: r.version,
  };
}
