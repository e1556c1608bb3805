import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { HttpResponse } from '@angular/common/http';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  ImportJob,
  STUDENT_IMPORT_MAX_BYTES,
  STUDENT_IMPORT_MAX_ROWS,
  ImportJobKind,
  ImportKind,
  ProblemDetails,
} from '@emis/contracts';
import { EmisDatePipe, EmisNumberPipe, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { exhaustMap, finalize, Observable, Subscription, takeWhile, timer } from 'rxjs';
import { toProblem } from '../http/problem';
import { ProblemAlertComponent } from '../ui/problem-alert.component';
import { ImportsApi } from './imports.api';

const POLL_INTERVAL_MS = 1000;
/** Rows of errors (and of notices) drawn on the page; the job and the marked workbook carry every one. */
const ROWS_SHOWN = 500;
const RUNNING: readonly ImportJob['status'][] = ['QUEUED', 'VALIDATING', 'COMMITTING'];
const TEMPLATE_NAMES: Record<ImportKind, string> = {
  STUDENTS: 'mau-nhap-hoc-sinh.xlsx',
  STAFF: 'mau-nhap-can-bo.xlsx',
  ASSETS: 'mau-nhap-tai-san.xlsx',
};

/**
 * An import whose upload and template belong to their own context (a school's fee schedule of a year: its export is
 * the template), followed through the same imports endpoints as the lists.
 */
export interface ImportSource {
  kind: ImportJobKind;
  upload(file: File): Observable<ImportJob>;
  template(): Observable<HttpResponse<Blob>>;
  templateName: string;
}

/**
 * Excel import of a list (students or staff): download the template, upload a workbook, follow the background
 * job, then read the outcome — the errors by row and column with the annotated workbook, or the counts.
 * Nothing is written unless every row is valid (the server's rule), so a failed import can simply be retried.
 * Used by the students, staff and assets import pages (the page passes the kind and its own title), and by imports
 * that bring their own upload and template (`source`).
 */
@Component({
  selector: 'emis-import-panel',
  imports: [RouterLink, TranslocoPipe, EmisNumberPipe, EmisDatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-panel.component.html',
  styleUrl: './import-panel.component.css',
})
export class ImportPanelComponent {
  private readonly api = inject(ImportsApi);

  /** A list import (students, staff, assets), or `source` for any other. */
  readonly kind = input<ImportKind>();
  readonly source = input<ImportSource>();
  readonly schoolId = input.required<string>();
  /** The page's own title, e.g. "Nhập danh sách học sinh từ Excel". */
  readonly heading = input.required<string>();
  /** Where "back to the list" leads, e.g. '/students'. */
  readonly listPath = input.required<string>();

  /** The student list is streamed and takes more (docs/adr/province-scale-imports.md); the other kinds the general limits. */
  private readonly maxBytes = computed(() =>
    this.chosen().kind === 'STUDENTS' ? STUDENT_IMPORT_MAX_BYTES : IMPORT_MAX_BYTES,
  );
  protected readonly maxMegabytes = computed(() => this.maxBytes() / (1024 * 1024));
  protected readonly maxRows = computed(() =>
    this.chosen().kind === 'STUDENTS' ? STUDENT_IMPORT_MAX_ROWS : IMPORT_MAX_ROWS,
  );
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<{ key: string; params: Record<string, unknown> } | null>(null);
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly uploading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly downloading = signal<'template' | 'errors' | null>(null);

  protected readonly running = computed(() => {
    const job = this.job();
    return !!job && RUNNING.includes(job.status);
  });
  protected readonly percent = computed(() => {
    const job = this.job();
    if (!job || !job.totalRows) return null;
    return Math.min(100, Math.round((job.processedRows / job.totalRows) * 100));
  });

  protected readonly shownErrors = computed(() => this.job()?.errors.slice(0, ROWS_SHOWN) ?? []);
  /** Values read after a correction (an id's lost leading zero), listed whether the import was written or not. */
  protected readonly shownNotices = computed(() => this.notices().slice(0, ROWS_SHOWN));
  protected readonly noticeCount = computed(() => this.notices().length);
  // A job-like answer of an older API (or another context's upload) may come without the list.
  private readonly notices = computed(() => (this.job() as Partial<ImportJob> | null)?.notices ?? []);

  protected readonly chosen = computed<ImportSource>(() => {
    const source = this.source();
    if (source) return source;
    const kind = this.kind();
    if (!kind) throw new Error('emis-import-panel needs a kind or a source');
    return {
      kind,
      upload: (file) => this.api.upload(this.schoolId(), kind, file),
      template: () => this.api.template(this.schoolId(), kind),
      templateName: TEMPLATE_NAMES[kind],
    };
  });

  private polling: Subscription | null = null;
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.job.set(null);
    this.problem.set(null);
    this.fileError.set(null);
    this.file.set(null);
    if (!file) return;
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      this.fileError.set({ key: 'students.import.errors.extension', params: { name: file.name } });
      input.value = '';
      return;
    }
    if (file.size > this.maxBytes()) {
      this.fileError.set({ key: 'students.import.errors.size', params: { max: this.maxMegabytes() } });
      input.value = '';
      return;
    }
    this.file.set(file);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.uploading.set(true);
    this.problem.set(null);
    this.chosen()
      .upload(file)
      .pipe(finalize(() => this.uploading.set(false)))
      .subscribe({
        next: (job) => {
          this.job.set(job);
          if (RUNNING.includes(job.status)) this.poll(job.id);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected restart(): void {
    this.polling?.unsubscribe();
    this.job.set(null);
    this.file.set(null);
    this.problem.set(null);
    const input = this.fileInput().nativeElement;
    input.value = '';
    // The input is re-enabled by the next render; focus it after that.
    setTimeout(() => input.focus());
  }

  protected downloadTemplate(): void {
    this.downloading.set('template');
    this.problem.set(null);
    const source = this.chosen();
    source
      .template()
      .pipe(finalize(() => this.downloading.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, source.templateName),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected downloadErrors(): void {
    const job = this.job();
    if (!job) return;
    this.downloading.set('errors');
    this.api
      .errorWorkbook(this.schoolId(), job.id)
      .pipe(finalize(() => this.downloading.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, `loi-${job.fileName}`),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** Polls every second until the job leaves the running states; the last answer is kept. */
  private poll(jobId: string): void {
    this.polling?.unsubscribe();
    this.polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        exhaustMap(() => this.api.job(this.schoolId(), jobId)),
        takeWhile((job) => RUNNING.includes(job.status), true),
      )
      .subscribe({
        next: (job) => this.job.set(job),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
