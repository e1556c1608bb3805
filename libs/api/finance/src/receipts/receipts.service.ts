import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Payment, ReceiptLink } from '@emis/contracts';
import { AppConfig, assertInScope, ProblemException, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { PaymentViews } from '../payments/payment-views';
import { receiptDocument } from './receipt.document';
import { ReceiptLinks } from './receipt-link';

export interface PrintedReceipt {
  fileName: string;
  file: Buffer;
}

/**
 * Receipts as paper and as links: the PDF of a receipt (or of a refund's voucher) for the accountant, and a signed
 * link a family opens without an account — the link names one payment of one school, and opening it reads that school
 * alone (row-level security under the school's own scope).
 */
@Injectable()
export class ReceiptsService {
  private readonly links: ReceiptLinks;

  constructor(
    private readonly db: TenantDb,
    private readonly views: PaymentViews,
    private readonly tree: OrgTreeService,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.links = new ReceiptLinks(config.JWT_SECRET);
  }

  async pdf(scope: Scope, schoolId: string, paymentId: string): Promise<PrintedReceipt> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.print(em, schoolId, paymentId));
  }

  async link(scope: Scope, schoolId: string, paymentId: string, origin: string): Promise<ReceiptLink> {
    assertInScope(scope, schoolId);
    await this.db.run((em) => this.printable(em, schoolId, paymentId));
    const { token, expiresAt } = this.links.sign({ schoolId, paymentId }, new Date());
    return { url: `${origin}/api/finance-receipts/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** The receipt a link names; a forged, damaged or expired token finds nothing (404), as an unknown id would. */
  async byToken(token: string): Promise<PrintedReceipt> {
    const ref = token.length <= 512 ? this.links.verify(token, new Date()) : null;
    if (!ref) throw new NotFoundException();
    const scope: Scope = { rootId: ref.schoolId, all: false, orgUnitIds: [ref.schoolId] };
    return this.db.runWithScope(scope, (em) => this.print(em, ref.schoolId, ref.paymentId));
  }

  private async print(em: EntityManager, schoolId: string, paymentId: string): Promise<PrintedReceipt> {
    const payment = await this.printable(em, schoolId, paymentId);
    const school = await this.tree.get(schoolId);
    const parent = school?.parentId ? await this.tree.get(school.parentId) : undefined;
    const file = await renderPdf(
      receiptDocument({ payment, schoolName: school?.name ?? '', parentName: parent?.name ?? null }),
    );
    const prefix = payment.kind === 'REFUND' ? 'phieu-chi' : 'phieu-thu';
    return { fileName: `${prefix}-${payment.documentNumber}.pdf`, file };
  }

  /** A payment or refund: a reversal has no document of its own (its original prints, marked cancelled). */
  private async printable(em: EntityManager, schoolId: string, paymentId: string): Promise<Payment> {
    const payment = await this.views.one(em, schoolId, paymentId);
    if (!payment) throw new NotFoundException();
    if (!payment.documentNumber) throw new ProblemException(HttpStatus.CONFLICT, 'finance_reversal_no_document');
    return payment;
  }
}
