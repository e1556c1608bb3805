import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImportPanelComponent, OrgUnitContext, SchoolRequiredComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Excel import of an existing asset list (a school moving its paper or spreadsheet register in), with the shared
 * import panel: template, upload, progress, errors by row and column; nothing is written unless every row is valid.
 */
@Component({
  selector: 'emis-asset-import-page',
  imports: [RouterLink, TranslocoPipe, SchoolRequiredComponent, ImportPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/assets">{{ 'assets.register.list.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'assets.register.titles.import' | transloco }}</span>
        </li>
      </ol>
    </nav>
    @if (schoolId(); as id) {
      <emis-import-panel
        kind="ASSETS"
        [schoolId]="id"
        [heading]="'assets.register.import.heading' | transloco"
        listPath="/assets"
      />
    } @else {
      <emis-school-required />
    }
  `,
})
export class AssetImportPage {
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
}
