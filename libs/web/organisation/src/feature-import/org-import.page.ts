import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore, ImportPanelComponent, ImportSource } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationApi } from '../data-access/organisation.api';

/**
 * The province's school list from Excel, with the shared import panel: template, upload, progress, errors by row and
 * column; nothing is written unless every row is valid. The job belongs to the department's own unit, so the panel
 * follows it through that unit's imports.
 */
@Component({
  selector: 'emis-org-import-page',
  imports: [RouterLink, TranslocoPipe, ImportPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/organisation">{{ 'organisation.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'organisation.titles.import' | transloco }}</span>
        </li>
      </ol>
    </nav>
    @if (departmentId(); as id) {
      <emis-import-panel
        [source]="source"
        [schoolId]="id"
        [heading]="'organisation.import.heading' | transloco"
        listPath="/organisation"
      />
    }
  `,
})
export class OrgImportPage {
  private readonly api = inject(OrganisationApi);
  private readonly auth = inject(AuthStore);
  protected readonly departmentId = computed(() => this.auth.user()?.orgUnitId ?? null);

  protected readonly source: ImportSource = {
    kind: 'SCHOOL_LIST',
    upload: (file) => this.api.importSchools(file),
    template: () => this.api.importTemplate(),
    templateName: 'mau-nhap-truong-hoc.xlsx',
  };
}
