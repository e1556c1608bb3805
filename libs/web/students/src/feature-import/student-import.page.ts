import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImportPanelComponent, OrgUnitContext, SchoolRequiredComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'emis-student-import-page',
  imports: [RouterLink, TranslocoPipe, SchoolRequiredComponent, ImportPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/students">{{ 'students.list.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'students.titles.import' | transloco }}</span>
        </li>
      </ol>
    </nav>
    <header class="page-header">
      <div>
        <h1 class="page-title">{{ 'students.titles.import' | transloco }}</h1>
        <p class="page-subtitle">{{ 'students.import.subtitle' | transloco }}</p>
      </div>
    </header>
    @if (schoolId(); as id) {
      <emis-import-panel
        kind="STUDENTS"
        [schoolId]="id"
        [heading]="'students.import.studentsHeading' | transloco"
        listPath="/students"
      />
    } @else {
      <emis-school-required />
    }
  `,
})
export class StudentImportPage {
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
}
