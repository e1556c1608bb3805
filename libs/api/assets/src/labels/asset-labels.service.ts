import { HttpStatus, Injectable } from '@nestjs/common';
import { assertInScope, ProblemException, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { AssetBooksRepository } from '../books/asset-books.repository';
import { AssetLabel, labelSheetDocument, singleLabelDocument } from './asset-label.document';
import { AssetLabelsRepository } from './asset-labels.repository';

/**
 * Printable labels: a QR code of the asset's page in the web app (`<origin>/assets/<id>`), so a phone camera opens
 * the record (and, during an inventory, counts it), with the code, name, school and year put into use.
 */
@Injectable()
export class AssetLabelsService {
  constructor(
    private readonly db: TenantDb,
    private readonly labels: AssetLabelsRepository,
    private readonly books: AssetBooksRepository,
  ) {}

  async label(scope: Scope, schoolId: string, assetId: string, origin: string): Promise<Buffer> {
    const [label] = await this.read(scope, schoolId, [assetId], origin);
    if (!label) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return renderPdf(singleLabelDocument(label));
  }

  /** Every id must be an asset of the school: a stale selection is refused rather than printed short. */
  async sheet(scope: Scope, schoolId: string, ids: string[], origin: string): Promise<Buffer> {
    const labels = await this.read(scope, schoolId, ids, origin);
    if (labels.length !== ids.length) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return renderPdf(labelSheetDocument(labels));
  }

  private async read(scope: Scope, schoolId: string, ids: string[], origin: string): Promise<AssetLabel[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const schoolName = await this.books.schoolName(em, schoolId);
      const assets = await this.labels.assets(em, schoolId, ids);
      return assets.map((asset) => ({ asset, schoolName, url: `${origin}/assets/${asset.id}` }));
    });
  }
}
