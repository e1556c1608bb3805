import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { SubjectResultRow } from '@emis/contracts';
import { LanguageService } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { codeLabel } from './code-label';
import { ReportFigureComponent } from './report-figure.component';

const BANDS = ['b80', 'b65', 'b50', 'b35', 'b00'] as const;
let nextId = 0;

/**
 * Grade × subject: pupils, the mean of the averages, the pupils in each band of averages and those not passed; with
 * the province's mean beside the school's when given. Comment-assessed subjects show their ratings instead of bands.
 */
@Component({
  selector: 'emis-subjects-table',
  imports: [TranslocoPipe, ReportFigureComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="muted" data-testid="subjects-empty">{{ 'reporting.subjects.empty' | transloco }}</p>
    } @else {
      @if (grades().length > 1) {
        <div class="field subjects-grade no-print">
          <label class="label" [for]="pickerId">{{ 'reporting.subjects.grade' | transloco }}</label>
          <select [id]="pickerId" class="select" (change)="pickGrade($event)" data-testid="subjects-grade">
            @for (grade of grades(); track grade) {
              <option [value]="grade" [selected]="grade === shownGrade()">{{ grade }}</option>
            }
            <option value="" [selected]="shownGrade() === null">
              {{ 'reporting.subjects.allGrades' | transloco }}
            </option>
          </select>
        </div>
      }
      <!-- A region that scrolls is reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1). -->
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'reporting.subjects.heading' | transloco">
        <table class="table subjects-table" data-testid="subjects-table">
          <caption class="visually-hidden">
            {{
              'reporting.subjects.heading' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'reporting.subjects.grade' | transloco }}</th>
              <th scope="col">{{ 'reporting.subjects.subject' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.subjects.pupils' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.subjects.mean' | transloco }}</th>
              @if (hasProvince()) {
                <th scope="col" class="num">{{ 'reporting.subjects.provinceMean' | transloco }}</th>
              }
              @for (band of bands; track band) {
                <th scope="col" class="num">{{ 'reporting.subjects.' + band | transloco }}</th>
              }
              <th scope="col">{{ 'reporting.subjects.ratings' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.subjects.notPassed' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of shownRows(); track row.grade + '/' + row.subjectCode) {
              <tr data-testid="subject-row">
                <td>{{ row.grade }}</td>
                <th scope="row">{{ row.subjectName }}</th>
                <td class="num"><emis-report-figure [value]="row.pupils" [suppressed]="row.suppressed" /></td>
                <td class="num"><emis-report-figure [value]="row.mean" [suppressed]="row.suppressed" /></td>
                @if (hasProvince()) {
                  <td class="num"><emis-report-figure [value]="provinceMean(row)" /></td>
                }
                @for (band of bands; track band) {
                  <td class="num"><emis-report-figure [value]="row.bands[band]" [suppressed]="row.suppressed" /></td>
                }
                <td>{{ ratingsText(row) }}</td>
                <td class="num"><emis-report-figure [value]="row.notPassed" [suppressed]="row.suppressed" /></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    /* Positioned, so visually hidden texts in cells scrolled out of view stay inside it, not widening the page. */
    .table-wrap {
      position: relative;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .subjects-grade {
      max-width: 14rem;
      margin-bottom: 0.75rem;
    }
    .subjects-table th,
    .subjects-table td {
      white-space: nowrap;
    }
  `,
})
export class SubjectsTableComponent {
  readonly rows = input.required<readonly SubjectResultRow[]>();
  readonly provinceRows = input<readonly SubjectResultRow[] | null>(null);

  private readonly language = inject(LanguageService).language;
  protected readonly bands = BANDS;
  protected readonly pickerId = `subjects-grade-${nextId++}`;
  /** A province has a dozen grades of a dozen subjects: one grade at a time, the first by default, or all. */
  protected readonly grades = computed(() => [...new Set(this.rows().map((r) => r.grade))]);
  private readonly pickedGrade = signal<string | null | undefined>(undefined);
  protected readonly shownGrade = computed(() => {
    const picked = this.pickedGrade();
    return picked === undefined || (picked !== null && !this.grades().includes(picked))
      ? (this.grades()[0] ?? null)
      : picked;
  });
  protected readonly shownRows = computed(() => {
    const grade = this.shownGrade();
    return grade === null ? this.rows() : this.rows().filter((r) => r.grade === grade);
  });
  protected readonly hasProvince = computed(() => this.provinceRows() !== null);
  private readonly provinceByKey = computed(
    () => new Map((this.provinceRows() ?? []).map((r) => [`${r.grade}/${r.subjectCode}`, r.mean])),
  );

  protected pickGrade(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.pickedGrade.set(value === '' ? null : value);
  }

  protected provinceMean(row: SubjectResultRow): number | null {
    return this.provinceByKey().get(`${row.grade}/${row.subjectCode}`) ?? null;
  }

  /** "Đạt 30 · Chưa đạt 2": the ratings with their counts, for subjects assessed by comment. */
  protected ratingsText(row: SubjectResultRow): string {
    const language = this.language();
    return Object.entries(row.ratings)
      .filter(([, count]) => count !== null && count > 0)
      .map(([code, count]) => `${codeLabel(code, language)} ${count}`)
      .join(' · ');
  }
}
