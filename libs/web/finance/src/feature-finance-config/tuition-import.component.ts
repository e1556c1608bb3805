import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { ImportJob, IMPORT_MAX_BYTES, ProblemDetails } from '@emis/contracts';
import { AuthStore, EmisNumberPipe, ImportsApi, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { exhaustMap, Subscription, takeWhile, timer } from 'rxjs';
import { FinanceConfigApi } from '../data-access/finance-config.api';

const POLL_INTERVAL_MS = 1000;
const RUNNING: readonly ImportJob['status'][] = ['QUEUED', 'VALIDATING', 'COMMITTING'];

/**
 * The year's tuition table from a workbook (the export's layout imports back unchanged): every row checked first,
 * nothing written while one is wrong; the job runs in the background under the department's imports, followed here
 * every second, with the error workbook to fix the file by.
 */
@Component({
  selector: 'emis-tuition-import',
  imports: [TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <div class="toolbar">
      <div class="field">
        <label for="tuition-import-file">{{ 'finance.money.config.importLevels' | transloco }}</label>
        <input
          id="tuition-import-file"
          type="file"
          accept=".xlsx"
          (change)="choose($event)"
          [disabled]="running()"
          data-testid="tuition-import-file"
        />
      </div>
      <button
        type="button"
        class="btn btn-secondary"
        [disabled]="!file() || running()"
        (click)="upload()"
        data-testid="tuition-import-upload"
      >
        {{ (running() ? 'common.working' : 'finance.money.config.importLevels') | transloco }}
      </button>
    </div>
    <div aria-live="polite">
      @if (job(); as j) {
        @if (j.status === 'DONE') {
          <p class="alert alert-success" data-testid="tuition-import-done">
            {{ 'finance.money.config.levelsSaved' | transloco }}
          </p>
        } @else if (j.status === 'FAILED') {
          <div class="alert alert-error" data-testid="tuition-import-failed">
            <p class="alert-title">
              {{ j.message ?? ('finance.money.bank.refused' | transloco: { count: (j.errorCount | emisNumber) }) }}
            </p>
            <ul class="alert-list">
              @for (e of j.errors; track $index) {
                <li>{{ e.row }} · {{ e.header }}: {{ e.message }}</li>
              }
            </ul>
            @if (j.errorCount > 0) {
              <button type="button" class="btn btn-link btn-small" (click)="downloadErrors(j)">
                {{ 'finance.money.common.excel' | transloco }}
              </button>
            }
          </div>
        } @else {
          <p class="muted" role="status">{{ 'common.working' | transloco }}</p>
        }
      }
    </div>
    <emis-problem-alert [problem]="problem()" testId="tuition-import-error" />
  `,
})
export class TuitionImportComponent {
  private readonly config = inject(FinanceConfigApi);
  private readonly imports = inject(ImportsApi);
  private readonly auth = inject(AuthStore);

  readonly schoolYearId = input.required<string>();
  readonly imported = output<void>();

  protected readonly file = signal<File | null>(null);
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly uploading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly running = computed(() => {
    const job = this.job();
    return this.uploading() || (job !== null && RUNNING.includes(job.status));
  });
  private polling: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected choose(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.job.set(null);
    this.problem.set(null);
    this.file.set(file && file.name.toLowerCase().endsWith('.xlsx') && file.size <= IMPORT_MAX_BYTES ? file : null);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.uploading.set(true);
    this.problem.set(null);
    this.config.importTuitionLevels(this.schoolYearId(), file).subscribe({
      next: (job) => {
        this.uploading.set(false);
        this.follow(job);
      },
      error: (error: unknown) => {
        this.uploading.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  protected downloadErrors(job: ImportJob): void {
    this.imports.errorWorkbook(this.departmentId(), job.id).subscribe({
      next: (response) => saveDownload(response, `loi-${job.fileName}`),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  /** The job belongs to the department's unit: the import runs there, not in a school. */
  private departmentId(): string {
    return this.auth.user()?.orgUnitId ?? '';
  }

  private follow(started: ImportJob): void {
    this.job.set(started);
    this.polling?.unsubscribe();
    if (!RUNNING.includes(started.status)) return this.finished(started);
    this.polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => this.imports.job(this.departmentId(), started.id)),
        takeWhile((job) => RUNNING.includes(job.status), true),
      )
      .subscribe({
        next: (job) => {
          this.job.set(job);
          if (!RUNNING.includes(job.status)) this.finished(job);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private finished(job: ImportJob): void {
    if (job.status === 'DONE') this.imported.emit();
  }
}
