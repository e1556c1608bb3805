import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  ImportPanelComponent,
  ImportSource,
  loadOnChange,
  OrgUnitContext,
  SchoolRequiredComponent,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CollectionApi } from '../data-access/collection.api';
import { chooseYearId } from '../ui/school-years';

/**
 * A year's fee schedule from Excel, with the shared import panel: the template is the year's own export (it imports
 * back), every row is checked first and nothing is written unless all are right; errors by row and column.
 */
@Component({
  selector: 'emis-fee-schedule-import-page',
  imports: [RouterLink, TranslocoPipe, SchoolRequiredComponent, ImportPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/finance">{{ 'finance.title' | transloco }}</a>
        </li>
        <li>
          <a routerLink="/finance/fee-schedules" [queryParams]="{ yearId: year() }">
            {{ 'finance.collection.titles.feeSchedules' | transloco }}
          </a>
        </li>
        <li>
          <span aria-current="page">{{ 'finance.collection.schedules.import' | transloco }}</span>
        </li>
      </ol>
    </nav>
    @if (source(); as s) {
      <emis-import-panel
        [source]="s"
        [schoolId]="schoolId() ?? ''"
        [heading]="'finance.collection.schedules.importHeading' | transloco: { year: yearCode() }"
        listPath="/finance/fee-schedules"
      />
    } @else if (!schoolId()) {
      <emis-school-required />
    }
  `,
})
export class FeeScheduleImportPage {
  private readonly api = inject(CollectionApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly yearId = input<string>();

  private readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => chooseYearId(this.years.value() ?? [], this.yearId()));
  protected readonly yearCode = computed(() => this.years.value()?.find((y) => y.id === this.year())?.code ?? '');
  protected readonly source = computed<ImportSource | null>(() => {
    const schoolId = this.schoolId();
    const yearId = this.year();
    if (!schoolId || !yearId) return null;
    return {
      kind: 'FINANCE_FEE_SCHEDULES',
      upload: (file) => this.api.importFeeSchedules(schoolId, yearId, file),
      template: () => this.api.exportFeeSchedules(schoolId, yearId),
      templateName: `bieu-phi-${this.yearCode()}.xlsx`,
    };
  });
}
