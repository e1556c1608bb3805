import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImportPanelComponent, OrgUnitContext, SchoolRequiredComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Excel import of the staff list, with the shared import panel (template, upload, progress, errors). */
@Component({
  selector: 'emis-staff-import-page',
  imports: [RouterLink, TranslocoPipe, SchoolRequiredComponent, ImportPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/staff">{{ 'staff.list.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'staff.titles.import' | transloco }}</span>
        </li>
      </ol>
    </nav>
    @if (schoolId(); as id) {
      <emis-import-panel
        kind="STAFF"
        [schoolId]="id"
        [heading]="'staff.import.heading' | transloco"
        listPath="/staff"
      />
    } @else {
      <emis-school-required />
    }
  `,
})
export class StaffImportPage {
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
}
