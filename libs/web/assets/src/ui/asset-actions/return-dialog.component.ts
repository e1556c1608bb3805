import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetDetail, AssetLoan, ProblemDetails } from '@emis/contracts';
import { ASSET_CONDITIONS, AssetCondition, todayInVietnam } from '@emis/domain';
import { EmisDatePipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../../data-access/operations.api';

/** Takes a lent asset back, with the condition it returns in when that changed. */
@Component({
  selector: 'emis-asset-return-dialog',
  imports: [TranslocoPipe, EmisDatePipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './asset-dialog.css',
  template: `
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="true"
      [title]="'assets.operations.return.title' | transloco"
      [confirmLabel]="'assets.operations.return.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="returnedOn() === ''"
      testId="asset-return"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field-row">
        <div class="field">
          <label for="asset-return-date">{{ 'assets.operations.return.returnedOn' | transloco }}</label>
          <input
            id="asset-return-date"
            class="input"
            emisDateInput
            [isoValue]="returnedOn()"
            (isoInput)="returnedOn.set($event)"
            data-testid="asset-return-date"
          />
          <p class="field-error" aria-live="polite">{{ errors()['returnedOn'] }}</p>
        </div>
        <div class="field">
          <label for="asset-return-condition">{{ 'assets.operations.return.condition' | transloco }}</label>
          <select
            id="asset-return-condition"
            class="select"
            (change)="condition.set($any($event.target).value || null)"
            data-testid="asset-return-condition"
          >
            <option value="">{{ 'assets.operations.return.unchanged' | transloco }}</option>
            @for (c of conditions; track c) {
              <option [value]="c">{{ 'assets.register.condition.' + c | transloco }}</option>
            }
          </select>
        </div>
      </div>
      <p class="consequence" data-testid="asset-return-summary">
        {{
          'assets.operations.return.confirm'
            | transloco
              : { borrower: loan().borrower, name: asset().name, code: asset().code, date: (returnedOn() | emisDate) }
        }}
      </p>
      <emis-problem-alert [problem]="problem()" [shownFields]="['returnedOn']" testId="asset-return-error" />
    </emis-confirm-dialog>
  `,
})
export class AssetReturnDialogComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly asset = input.required<AssetDetail>();
  readonly loan = input.required<AssetLoan>();
  readonly done = output<void>();
  readonly cancelled = output<void>();

  protected readonly conditions = ASSET_CONDITIONS;
  private readonly today = todayInVietnam();
  protected readonly returnedOn = signal(this.today);
  protected readonly condition = signal<AssetCondition | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(() => this.returnedOn() !== this.today || this.condition() !== null);

  protected submit(): void {
    const condition = this.condition();
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .returnLoan(this.schoolId(), this.asset().id, this.loan().id, {
        returnedOn: this.returnedOn(),
        ...(condition ? { condition } : {}),
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => this.done.emit(),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
