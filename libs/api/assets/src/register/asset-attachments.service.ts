import { Injectable, NotFoundException } from '@nestjs/common';
import type { AssetAttachment } from '@emis/contracts';
import { AttachmentKind, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetHistory } from '../asset-history.repository';
import { AssetsRepository } from '../assets.repository';
import { AssetsEvents } from '../assets-events';
import { AssetAttachmentsRepository } from './asset-attachments.repository';
import { attachmentFileErrors, detectAttachmentType, storedFileName, UploadedAttachment } from './attachment-file';

/** A stored file as a download hands it out. */
export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Invoices, photos and decisions kept with an asset. Each upload and removal is a line of the asset's history, an
 * audit row (the file's name, type and size; never its bytes) and an assets.changed event, in one transaction.
 */
@Injectable()
export class AssetAttachmentsService {
  constructor(
    private readonly attachments: AssetAttachmentsRepository,
    private readonly assets: AssetsRepository,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async upload(
    scope: Scope,
    schoolId: string,
    assetId: string,
    kind: AttachmentKind,
    file: UploadedAttachment | undefined,
  ): Promise<AssetAttachment> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.assertAsset(em, schoolId, assetId);
      const errors = attachmentFileErrors(file);
      const type = file && detectAttachmentType(file.buffer);
      if (errors.length || !file || !type) throw new ValidationProblem(errors);
      const fileName = storedFileName(file.originalname, type);
      const id = await this.attachments.insert(em, schoolId, assetId, {
        kind,
        fileName,
        contentType: type,
        content: file.buffer,
      });
      const after = await this.attachments.find(em, schoolId, assetId, id);
      if (!after) throw new Error(`attachment ${id} of asset ${assetId} not found after its insert`);
      await this.history.record(em, schoolId, assetId, 'ATTACHMENT_ADDED', todayInVietnam(), {
        attachmentId: id,
        kind,
        fileName,
      });
      await this.audit.record(em, { schoolId, entity: 'asset_attachment', entityId: id, action: 'CREATE', after });
      await this.events.publishAssetsChanged(em, schoolId, assetId);
      return after;
    });
  }

  async download(scope: Scope, schoolId: string, assetId: string, id: string): Promise<AttachmentDownload> {
    assertInScope(scope, schoolId);
    const file = await this.db.run((em) => this.attachments.content(em, schoolId, assetId, id));
    if (!file) throw new NotFoundException();
    return file;
  }

  async remove(scope: Scope, schoolId: string, assetId: string, id: string): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      await this.assertAsset(em, schoolId, assetId);
      const before = await this.attachments.find(em, schoolId, assetId, id);
      if (!before) throw new NotFoundException();
      await this.attachments.delete(em, schoolId, assetId, id);
      await this.history.record(em, schoolId, assetId, 'ATTACHMENT_REMOVED', todayInVietnam(), {
        attachmentId: id,
        kind: before.kind,
        fileName: before.fileName,
      });
      await this.audit.record(em, { schoolId, entity: 'asset_attachment', entityId: id, action: 'DELETE', before });
      await this.events.publishAssetsChanged(em, schoolId, assetId);
    });
  }

  /** The asset must be the school's; its row is locked so a removal and an upload of one asset take turns. */
  private async assertAsset(em: EntityManager, schoolId: string, assetId: string): Promise<void> {
    if (!(await this.assets.find(em, schoolId, assetId, true))) throw new NotFoundException();
  }
}
