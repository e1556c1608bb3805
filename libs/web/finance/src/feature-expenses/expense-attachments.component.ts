import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { Expense, ProblemDetails } from '@emis/contracts';
import { EmisNumberPipe, ProblemAlertComponent, toProblem } from '@emis/web/core';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_MEGABYTES,
  attachmentRefusal,
  ConfirmDialogComponent,
  saveDownload,
} from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';

type Attachment = Expense['attachments'][number];

/**
 * A voucher's supporting documents (invoice, contract, acceptance record): the same files and limit as an asset's,
 * checked here before sending and by the API (magic bytes). Added and removed while the voucher is a draft; an
 * approved voucher's documents are part of it and stay.
 */
@Component({
  selector: 'emis-expense-attachments',
  imports: [TranslocoPipe, EmisNumberPipe, ProblemAlertComponent, ConfirmDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <section class="card" aria-labelledby="expense-attachments-title" data-testid="expense-attachments">
      <h2 id="expense-attachments-title" class="card-title">{{ 'finance.money.expenses.attachments' | transloco }}</h2>
      @if (expense().attachments.length === 0) {
        <p class="muted">{{ 'finance.money.expenses.noAttachments' | transloco }}</p>
      } @else {
        <ul class="plain-list stack-sm">
          @for (a of expense().attachments; track a.id) {
            <li class="row-actions" data-testid="expense-attachment">
              <button type="button" class="btn btn-link btn-small" (click)="download(a)">{{ a.fileName }}</button>
              <span class="muted">{{ a.size / 1024 | emisNumber }} KB</span>
              @if (editable()) {
                <button
                  type="button"
                  class="btn btn-ghost btn-small"
                  (click)="removing.set(a)"
                  data-testid="expense-attachment-remove"
                >
                  {{ 'finance.money.expenses.removeAttachment' | transloco }}
                </button>
              }
            </li>
          }
        </ul>
      }
      @if (editable()) {
        <div class="toolbar">
          <div class="field">
            <label for="expense-attachment-file">{{ 'finance.money.expenses.attach' | transloco }}</label>
            <input
              #fileInput
              id="expense-attachment-file"
              type="file"
              [accept]="accept"
              (change)="choose($event)"
              [disabled]="busy()"
              aria-describedby="expense-attachment-hint"
              data-testid="expense-attachment-file"
            />
            <p class="field-hint" id="expense-attachment-hint">
              {{ 'finance.money.expenses.attachHint' | transloco: { max: maxMegabytes } }}
            </p>
          </div>
          <button
            type="button"
            class="btn btn-secondary btn-small"
            [disabled]="!file() || busy()"
            (click)="upload()"
            data-testid="expense-attachment-upload"
          >
            {{ (busy() ? 'common.working' : 'finance.money.expenses.attach') | transloco }}
          </button>
        </div>
        <p class="field-error" aria-live="polite">
          @if (refusal(); as r) {
            {{ 'finance.money.expenses.attachmentErrors.' + r.reason | transloco: { name: r.name } }}
          }
        </p>
      }
      <emis-problem-alert [problem]="problem()" testId="expense-attachment-error" />
    </section>
    <emis-confirm-dialog
      [open]="removing() !== null"
      [title]="'finance.money.expenses.removeTitle' | transloco"
      [confirmLabel]="'finance.money.expenses.removeAttachment' | transloco"
      [busy]="busy()"
      [danger]="true"
      testId="expense-attachment-confirm"
      (confirmed)="remove()"
      (cancelled)="removing.set(null)"
    >
      <p>{{ 'finance.money.expenses.removeBody' | transloco: { name: removing()?.fileName } }}</p>
    </emis-confirm-dialog>
  `,
})
export class ExpenseAttachmentsComponent {
  private readonly api = inject(MoneyApi);

  readonly schoolId = input.required<string>();
  readonly expense = input.required<Expense>();
  readonly editable = input(false);
  readonly changed = output<void>();

  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly maxMegabytes = ATTACHMENT_MAX_MEGABYTES;
  protected readonly file = signal<File | null>(null);
  protected readonly refusal = signal<{ reason: 'type' | 'size'; name: string } | null>(null);
  protected readonly removing = signal<Attachment | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.file.set(null);
    this.refusal.set(null);
    this.problem.set(null);
    if (!file) return;
    const reason = attachmentRefusal(file);
    if (reason) {
      this.refusal.set({ reason, name: file.name });
      input.value = '';
      return;
    }
    this.file.set(file);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.run(this.api.attach(this.schoolId(), this.expense().id, file), () => {
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    });
  }

  protected download(attachment: Attachment): void {
    this.problem.set(null);
    this.api.attachment(this.schoolId(), this.expense().id, attachment.id).subscribe({
      next: (response) => saveDownload(response, attachment.fileName),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected remove(): void {
    const attachment = this.removing();
    if (!attachment) return;
    this.run(this.api.removeAttachment(this.schoolId(), this.expense().id, attachment.id), () =>
      this.removing.set(null),
    );
  }

  private run(request: Observable<unknown>, done: () => void): void {
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: () => {
        done();
        this.changed.emit();
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
