import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetDetail, ProblemDetails } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { EmisDatePipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../../data-access/operations.api';

/** Lends the asset to a person or unit: it stays on the school's books and comes back through "take back". */
@Component({
  selector: 'emis-asset-lend-dialog',
  imports: [TranslocoPipe, EmisDatePipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './asset-dialog.css',
  template: `
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="true"
      [title]="'assets.operations.lend.title' | transloco"
      [confirmLabel]="'assets.operations.lend.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="borrower().trim() === '' || lentOn() === ''"
      testId="asset-lend"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="asset-lend-borrower">{{ 'assets.operations.lend.borrower' | transloco }}</label>
        <input
          id="asset-lend-borrower"
          class="input"
          maxlength="200"
          (input)="borrower.set($any($event.target).value)"
          data-testid="asset-lend-borrower"
        />
        <p class="field-error" aria-live="polite">{{ errors()['borrower'] }}</p>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="asset-lend-date">{{ 'assets.operations.lend.lentOn' | transloco }}</label>
          <input
            id="asset-lend-date"
            class="input"
            emisDateInput
            [isoValue]="lentOn()"
            (isoInput)="lentOn.set($event)"
            data-testid="asset-lend-date"
          />
          <p class="field-error" aria-live="polite">{{ errors()['lentOn'] }}</p>
        </div>
        <div class="field">
          <label for="asset-lend-due">{{ 'assets.operations.lend.dueOn' | transloco }}</label>
          <input
            id="asset-lend-due"
            class="input"
            emisDateInput
            [isoValue]="dueOn()"
            (isoInput)="dueOn.set($event)"
            data-testid="asset-lend-due"
          />
          <p class="field-error" aria-live="polite">{{ errors()['dueOn'] }}</p>
        </div>
      </div>
      <div class="field">
        <label for="asset-lend-note">{{ 'assets.operations.fields.note' | transloco }}</label>
        <input
          id="asset-lend-note"
          class="input"
          maxlength="500"
          (input)="note.set($any($event.target).value)"
          data-testid="asset-lend-note"
        />
      </div>
      @if (borrower().trim(); as who) {
        <p class="consequence" data-testid="asset-lend-summary">
          {{
            'assets.operations.lend.confirm'
              | transloco: { name: asset().name, code: asset().code, borrower: who, date: (lentOn() | emisDate) }
          }}
        </p>
      }
      <emis-problem-alert
        [problem]="problem()"
        [shownFields]="['borrower', 'lentOn', 'dueOn']"
        testId="asset-lend-error"
      />
    </emis-confirm-dialog>
  `,
})
export class AssetLendDialogComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly asset = input.required<AssetDetail>();
  readonly done = output<void>();
  readonly cancelled = output<void>();

  protected readonly borrower = signal('');
  private readonly today = todayInVietnam();
  protected readonly lentOn = signal(this.today);
  protected readonly dueOn = signal('');
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () =>
      this.borrower().trim() !== '' || this.lentOn() !== this.today || this.dueOn() !== '' || this.note().trim() !== '',
  );
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected submit(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .lend(this.schoolId(), this.asset().id, {
        borrower: this.borrower().trim(),
        lentOn: this.lentOn(),
        dueOn: this.dueOn() || null,
        note: this.note().trim() || null,
        version: this.asset().version,
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => this.done.emit(),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
