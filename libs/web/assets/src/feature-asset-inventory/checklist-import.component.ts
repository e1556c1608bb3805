import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { IMPORT_MAX_BYTES, ImportJob, ProblemDetails } from '@emis/contracts';
import { EmisNumberPipe, ImportsApi, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { exhaustMap, finalize, Subscription, takeWhile, timer } from 'rxjs';
import { OperationsApi } from '../data-access/operations.api';

const POLL_INTERVAL_MS = 1000;
const RUNNING: readonly ImportJob['status'][] = ['QUEUED', 'VALIDATING', 'COMMITTING'];

/**
 * The filled checklist back from Excel: upload with its progress, then the outcome — the counts written, or the
 * errors by row and column with the workbook handed back marked (the server writes nothing unless every row is
 * valid, like the other imports). A job still running on the server is followed through the imports endpoints.
 */
@Component({
  selector: 'emis-checklist-import',
  imports: [TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './checklist-import.component.html',
  styles: `
    .upload-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: flex-end;
    }
    .progress {
      height: 0.5rem;
      margin-top: 0.5rem;
      border-radius: 999px;
      background: var(--surface-muted);
      overflow: hidden;
    }
    .progress-fill {
      height: 100%;
      background: var(--primary);
      transition: width 0.2s;
    }
    .errors {
      max-height: 20rem;
      overflow: auto;
    }
  `,
})
export class ChecklistImportComponent {
  private readonly api = inject(OperationsApi);
  private readonly imports = inject(ImportsApi);

  readonly schoolId = input.required<string>();
  readonly inventoryId = input.required<string>();
  /** After a successful import: the page reloads its lines. */
  readonly imported = output<ImportJob>();

  protected readonly maxMegabytes = IMPORT_MAX_BYTES / (1024 * 1024);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<{ key: string; params: Record<string, unknown> } | null>(null);
  /** Percent of the file sent, while uploading. */
  protected readonly sent = signal<number | null>(null);
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly downloading = signal(false);
  protected readonly running = computed(() => {
    const job = this.job();
    return !!job && RUNNING.includes(job.status);
  });

  private polling: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected choose(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    this.file.set(null);
    this.job.set(null);
    this.problem.set(null);
    this.fileError.set(null);
    if (!file) return;
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      this.fileError.set({ key: 'assets.operations.inventory.import.extension', params: { name: file.name } });
      input.value = '';
    } else if (file.size > IMPORT_MAX_BYTES) {
      this.fileError.set({ key: 'assets.operations.inventory.import.size', params: { max: this.maxMegabytes } });
      input.value = '';
    } else {
      this.file.set(file);
    }
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.sent.set(0);
    this.problem.set(null);
    this.api
      .importChecklist(this.schoolId(), this.inventoryId(), file)
      .pipe(finalize(() => this.sent.set(null)))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            this.sent.set(Math.round((event.loaded / event.total) * 100));
          } else if (event.type === HttpEventType.Response && event.body) {
            this.follow(event.body);
          }
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** The uploaded workbook with its wrong cells marked and commented, to fix and upload again. */
  protected downloadErrors(job: ImportJob): void {
    this.downloading.set(true);
    this.imports
      .errorWorkbook(this.schoolId(), job.id)
      .pipe(finalize(() => this.downloading.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, `loi-${job.fileName}`),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private follow(job: ImportJob): void {
    this.job.set(job);
    if (!RUNNING.includes(job.status)) {
      this.finished(job);
      return;
    }
    this.polling?.unsubscribe();
    this.polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => this.api.importJob(this.schoolId(), job.id)),
        takeWhile((current) => RUNNING.includes(current.status), true),
      )
      .subscribe({
        next: (current) => {
          this.job.set(current);
          if (!RUNNING.includes(current.status)) this.finished(current);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private finished(job: ImportJob): void {
    if (job.status === 'DONE') this.imported.emit(job);
  }
}
