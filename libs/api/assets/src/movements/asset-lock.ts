import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { ProblemException } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetRecord, AssetsRepository } from '../assets.repository';

/**
 * The one gate every movement of an asset passes (a move, a loan, a disposal, a transfer, an inventory's approval):
 * the asset locked for the transaction, still on the school's books, not waiting for another school's answer to a
 * release, and — when the client names the version it saw — unchanged since.
 */
@Injectable()
export class AssetLock {
  constructor(private readonly assets: AssetsRepository) {}

  async forMovement(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    version: number | null,
  ): Promise<AssetRecord> {
    const asset = await this.assets.find(em, schoolId, assetId, true);
    if (!asset) throw new NotFoundException();
    // A disposed asset, or one that went to another school, stays on record read-only with its history.
    if (asset.status === 'DISPOSED' || asset.status === 'TRANSFERRED')
      throw new ProblemException(HttpStatus.CONFLICT, 'asset_off_the_books', undefined, { assetStatus: asset.status });
    if (version !== null && asset.version !== version)
      throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, { currentVersion: asset.version });
    // Released to another school: frozen until the receiver accepts or rejects, or the sender cancels.
    if (await this.assets.pendingTransfer(em, schoolId, assetId))
      throw new ProblemException(HttpStatus.CONFLICT, 'asset_transfer_pending');
    return asset;
  }
}
