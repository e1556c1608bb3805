import { Injectable } from '@nestjs/common';
import type { AssetAttachment } from '@emis/contracts';
import { AttachmentKind } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_at: Date;
}

/** A file to store: its bytes and what was checked about them. */
export interface NewAttachment {
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  content: Buffer;
}

const COLUMNS = 'id, kind, file_name, content_type, size, uploaded_at';

/** Invoices, photos and decisions of an asset (table `asset_attachment`; the bytes stay in the database). */
@Injectable()
export class AssetAttachmentsRepository {
  /** The asset's attachments without their content, oldest first. */
  async list(em: EntityManager, schoolId: string, assetId: string): Promise<AssetAttachment[]> {
    const rows = await sqlRows<AttachmentRow>(
      em,
      `select ${COLUMNS} from asset_attachment where school_id = $1 and asset_id = $2 order by uploaded_at, id`,
      [schoolId, assetId],
    );
    return rows.map(toAttachment);
  }

  async find(em: EntityManager, schoolId: string, assetId: string, id: string): Promise<AssetAttachment | undefined> {
    const row = await sqlRow<AttachmentRow>(
      em,
      `select ${COLUMNS} from asset_attachment where school_id = $1 and asset_id = $2 and id = $3`,
      [schoolId, assetId, id],
    );
    return row ? toAttachment(row) : undefined;
  }

  /** The stored bytes of an attachment, with what the download needs to name and type them. */
  async content(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    id: string,
  ): Promise<{ fileName: string; contentType: string; content: Buffer } | undefined> {
    const row = await sqlRow<{ file_name: string; content_type: string; content: Buffer }>(
      em,
      `select file_name, content_type, content from asset_attachment where school_id = $1 and asset_id = $2 and id = $3`,
      [schoolId, assetId, id],
    );
    return row ? { fileName: row.file_name, contentType: row.content_type, content: row.content } : undefined;
  }

  async insert(em: EntityManager, schoolId: string, assetId: string, file: NewAttachment): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into asset_attachment (school_id, asset_id, kind, file_name, content_type, size, content, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7, nullif(current_setting('app.user_id', true), '')::uuid)
       returning id`,
      [schoolId, assetId, file.kind, file.fileName, file.contentType, file.content.length, file.content],
    );
    if (!row) throw new Error(`insert: no id returned for an attachment of asset ${assetId}`);
    return row.id;
  }

  async delete(em: EntityManager, schoolId: string, assetId: string, id: string): Promise<number> {
    return sqlExec(em, `delete from asset_attachment where school_id = $1 and asset_id = $2 and id = $3`, [
      schoolId,
      assetId,
      id,
    ]);
  }
}

function toAttachment(r: AttachmentRow): AssetAttachment {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}
