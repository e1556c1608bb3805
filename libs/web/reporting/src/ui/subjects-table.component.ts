import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { SubjectResultRow } from '@emis/contracts';
import { LanguageService } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { codeLabel } from './code-label';
import { ReportFigureComponent } from './report-figure.component';

const BANDS = ['b80', 'b65', 'b50', 'b35', 'b00'] as const;

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
      <div class="table-wrap">
        <table class="table subjects-table" data-testid="subjects-table">
          <caption class="visually-hidden">{{ 'reporting.subjects.heading' | transloco }}</caption>
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
            @for (row of rows(); track row.grade + '/' + row.subjectCode) {
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
  protected readonly hasProvince = computed(() => this.provinceRows() !== null);
  private readonly provinceByKey = computed(
    () => new Map((this.provinceRows() ?? []).map((r) => [`${r.grade}/${r.subjectCode}`, r.mean])),
  );

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
