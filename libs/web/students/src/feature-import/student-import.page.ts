import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  AuthStore,
  ImportPanelComponent,
  ImportsApi,
  ImportSource,
  OrgUnitContext,
  SchoolRequiredComponent,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** The choice of the page's school select: the current school, or every school of the scope through the code column. */
type Target = 'school' | 'many';

/**
 * The student list import. A school's administrator imports into their school; a department's or unit's user
 * (people.import.schools), whose scope has more than one school, imports one file spanning many schools, each row
 * under the school its "Mã trường" names (docs/adr/province-scale-imports.md, decision 6).
 */
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
    @if (manyUnitId()) {
      <div class="card">
        <div class="field">
          <label for="import-school">{{ 'students.import.school' | transloco }}</label>
          <select
            id="import-school"
            class="select"
            data-testid="import-school"
            (change)="choose($any($event.target).value)"
          >
            @if (ownSchoolId()) {
              <option value="school" [selected]="target() === 'school'">{{ orgUnits.currentUnit()?.name }}</option>
            }
            <option value="many" [selected]="target() === 'many'">
              {{ 'students.import.manySchools' | transloco }}
            </option>
          </select>
        </div>
        @if (target() === 'many') {
          <p class="hint" data-testid="import-many-hint">{{ 'students.import.manySchoolsHint' | transloco }}</p>
        }
      </div>
    }
    @if (target() === 'many' && manySource(); as source) {
      <emis-import-panel
        [source]="source"
        [schoolId]="manyUnitId()!"
        [heading]="'students.import.manySchoolsHeading' | transloco"
        listPath="/students"
      />
    } @else if (ownSchoolId(); as id) {
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
  protected readonly orgUnits = inject(OrgUnitContext);
  private readonly auth = inject(AuthStore);
  private readonly api = inject(ImportsApi);
  private readonly chosen = signal<Target | null>(null);

  /** The school picked, when the user may import into it. */
  protected readonly ownSchoolId = computed(() =>
    this.auth.can('people.import') ? this.orgUnits.currentSchoolId() : null,
  );
  /**
   * The unit whose schools a file spanning many schools may name: the unit in view, or the user's own when a school
   * is picked; null for a user without people.import.schools.
   */
  protected readonly manyUnitId = computed(() => {
    if (!this.auth.can('people.import.schools')) return null;
    const unit = this.orgUnits.currentUnit();
    if (unit && unit.kind !== 'SCHOOL') return unit.id;
    return this.auth.user()?.orgUnitId ?? null;
  });
  protected readonly target = computed<Target>(
    () => this.chosen() ?? (this.manyUnitId() && !this.ownSchoolId() ? 'many' : 'school'),
  );
  protected readonly manySource = computed<ImportSource | null>(() => {
    const unitId = this.manyUnitId();
    if (!unitId) return null;
    return {
      kind: 'STUDENTS',
      upload: (file) => this.api.uploadManySchools(unitId, file),
      template: () => this.api.manySchoolsTemplate(unitId),
      templateName: 'mau-nhap-hoc-sinh-nhieu-truong.xlsx',
    };
  });

  protected choose(value: string): void {
    this.chosen.set(value === 'many' ? 'many' : 'school');
  }
}
