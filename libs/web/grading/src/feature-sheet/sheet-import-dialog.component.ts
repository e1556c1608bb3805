import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { IMPORT_MAX_BYTES, ImportJob, ProblemDetails } from '@emis/contracts';
import { ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { exhaustMap, finalize, Subscription, takeWhile, timer } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';

const RUNNING: readonly ImportJob['status'][] = ['QUEUED', 'VALIDATING', 'COMMITTING'];

export interface ImportTarget {
  schoolId: string;
  classId: string;
  semester: 1 | 2;
  subjectCode: string;
}

/**
 * Imports a sheet from Excel (the workbook the export gives): upload, follow the background job as the list
 * imports do (progress, then the errors by row and column, nothing written when any is wrong), and reload the grid.
 */
@Component({
  selector: 'emis-sheet-import-dialog',
  imports: [TranslocoPipe, DialogComponent, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      --dialog-width: 36rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    progress {
      width: 100%;
    }
    .errors {
      max-height: 14rem;
      overflow: auto;
      font-size: 0.875rem;
    }
  `,
  template: `
    <emis-dialog
      #dialog
      [open]="target() !== null"
      [heading]="'grading.import.title' | transloco"
      testId="grade-import"
      [busy]="uploading()"
      [unsaved]="unsaved()"
      (closed)="close()"
    >
      <p class="muted">{{ 'grading.import.help' | transloco }}</p>
      <div class="field">
        <label class="label" for="grade-import-file">{{ 'grading.import.file' | transloco }}</label>
        <input
          id="grade-import-file"
          type="file"
          accept=".xlsx"
          (change)="choose($event)"
          [disabled]="uploading() || running()"
          data-testid="grade-import-file"
        />
        @if (fileError()) {
          <p class="field-error" role="alert">{{ fileError()! | transloco: { max: maxMegabytes } }}</p>
        }
      </div>
      <div role="status" aria-live="polite" data-testid="grade-import-status">
        @if (job(); as j) {
          @if (running()) {
            <progress [value]="j.processedRows" [max]="j.totalRows ?? 100"></progress>
            <p>{{ 'grading.import.running' | transloco }}</p>
          } @else if (j.status === 'DONE') {
            <p class="alert alert-success">
              {{
                'grading.import.done' | transloco: { created: j.created, updated: j.updated, unchanged: j.unchanged }
              }}
            </p>
          } @else {
            <div class="alert alert-error">
              <p class="alert-title">{{ 'grading.import.failed' | transloco: { count: j.errorCount } }}</p>
              @if (j.message) {
                <p class="alert-detail">{{ j.message }}</p>
              }
              <ul class="errors" data-testid="grade-import-errors">
                @for (e of j.errors; track $index) {
                  <li>
                    {{ 'grading.import.errorAt' | transloco: { row: e.row, column: e.header || e.column } }}:
                    {{ e.message }}
                  </li>
                }
              </ul>
              @if (j.errorCount > 0) {
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  (click)="downloadErrors(j)"
                  data-testid="grade-import-error-workbook"
                >
                  {{ 'grading.import.errorWorkbook' | transloco }}
                </button>
              }
            </div>
          }
        } @else if (done()) {
          <p class="alert alert-success">{{ 'grading.import.doneRows' | transloco }}</p>
        }
      </div>
      <emis-problem-alert [problem]="problem()" />
      <div class="actions">
        <button
          type="button"
          class="btn btn-secondary"
          (click)="dialog.requestClose()"
          [disabled]="uploading()"
          data-testid="grade-import-close"
        >
          {{ 'grading.common.close' | transloco }}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          (click)="upload()"
          [disabled]="!file() || uploading() || running()"
          data-testid="grade-import-upload"
        >
          {{ (uploading() ? 'common.working' : 'grading.import.upload') | transloco }}
        </button>
      </div>
    </emis-dialog>
  `,
})
export class SheetImportDialogComponent {
  private readonly api = inject(GradingApi);
  readonly target = input<ImportTarget | null>(null);
  readonly closed = output<void>();
  readonly imported = output<void>();

  protected readonly maxMegabytes = IMPORT_MAX_BYTES / (1024 * 1024);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly done = signal(false);
  protected readonly uploading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** A file chosen and not imported yet: closing asks first, and leaving the sheet is guarded while it is open. */
  protected readonly unsaved = computed(() => this.file() !== null && this.job() === null && !this.done());
  protected readonly running = computed(() => RUNNING.includes(this.job()?.status ?? 'DONE'));
  private polling: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected choose(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.reset();
    if (file && !file.name.toLowerCase().endsWith('.xlsx')) this.fileError.set('grading.import.extension');
    else if (file && file.size > IMPORT_MAX_BYTES) this.fileError.set('grading.import.size');
    else this.file.set(file);
  }

  protected upload(): void {
    const t = this.target();
    const file = this.file();
    if (!t || !file) return;
    this.uploading.set(true);
    this.problem.set(null);
    this.api
      .importSheet(t.schoolId, t.classId, t.semester, t.subjectCode, file)
      .pipe(finalize(() => this.uploading.set(false)))
      .subscribe({
        next: (answer) => {
          if ('status' in answer) this.follow(t.schoolId, answer);
          else this.finish();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected downloadErrors(job: ImportJob): void {
    const t = this.target();
    if (!t) return;
    this.api.importErrors(t.schoolId, job.id).subscribe({
      next: (response) => saveDownload(response, `loi-${job.fileName}`),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected close(): void {
    this.polling?.unsubscribe();
    this.reset();
    this.closed.emit();
  }

  private follow(schoolId: string, job: ImportJob): void {
    this.job.set(job);
    if (job.status === 'DONE') return this.finish();
    if (!RUNNING.includes(job.status)) return;
    this.polling = timer(1000, 1000)
      .pipe(
        exhaustMap(() => this.api.importJob(schoolId, job.id)),
        takeWhile((j) => RUNNING.includes(j.status), true),
      )
      .subscribe({
        next: (j) => {
          this.job.set(j);
          if (j.status === 'DONE') this.finish();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private finish(): void {
    this.done.set(true);
    this.imported.emit();
  }

  private reset(): void {
    this.file.set(null);
    this.fileError.set(null);
    this.job.set(null);
    this.done.set(false);
    this.problem.set(null);
  }
}
