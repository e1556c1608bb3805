import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImportPanelComponent, ImportSource, OrgUnitContext, SchoolRequiredComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CollectionApi } from '../data-access/collection.api';

/**
 * A collection list from Excel (what a class teacher gathered, typed in a sheet), with the shared import panel:
 * every row is checked first and nothing is written unless all are right; each row becomes a numbered receipt.
 */
@Component({
  selector: 'emis-payment-import-page',
  imports: [RouterLink, TranslocoPipe, SchoolRequiredComponent, ImportPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/finance">{{ 'finance.title' | transloco }}</a>
        </li>
        <li>
          <a routerLink="/finance/payments">{{ 'finance.collection.titles.payments' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'finance.collection.payments.import' | transloco }}</span>
        </li>
      </ol>
    </nav>
    @if (source(); as s) {
      <emis-import-panel
        [source]="s"
        [schoolId]="schoolId() ?? ''"
        [heading]="'finance.collection.payments.importHeading' | transloco"
        listPath="/finance/payments"
      />
    } @else {
      <emis-school-required />
    }
  `,
})
export class PaymentImportPage {
  private readonly api = inject(CollectionApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly source = computed<ImportSource | null>(() => {
    const schoolId = this.schoolId();
    if (!schoolId) return null;
    return {
      kind: 'FINANCE_PAYMENTS',
      upload: (file) => this.api.importPayments(schoolId, file),
      template: () => this.api.paymentsTemplate(schoolId),
      templateName: 'mau-nhap-thu-tien.xlsx',
    };
  });
}
