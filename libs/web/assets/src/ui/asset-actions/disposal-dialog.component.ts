import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetDetail, ProblemDetails } from '@emis/contracts';
import { DISPOSAL_METHODS, DisposalMethod, todayInVietnam } from '@emis/domain';
import { EmisDatePipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, ParsedDong, parseDong, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../../data-access/operations.api';

/** Only a sale or a liquidation brings money in (and may cost something to carry out). */
const WITH_PROCEEDS: readonly DisposalMethod[] = ['SALE', 'LIQUIDATION'];

/**
 * Takes the asset off the books under a disposal decision (sale, liquidation, destruction, loss). Its book values
 * when it left are kept with the disposal; an asset written off before December gets no wear for that year, the
 * year's wear being charged in December on assets still held (docs/domain/assets.md).
 */
@Component({
  selector: 'emis-asset-disposal-dialog',
  imports: [TranslocoPipe, EmisDatePipe, DongPipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './asset-dialog.css',
  template: `
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="true"
      [title]="'assets.operations.dispose.title' | transloco"
      [confirmLabel]="'assets.operations.dispose.submit' | transloco"
      [busy]="busy()"
      [danger]="true"
      [confirmDisabled]="!valid()"
      testId="asset-dispose"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="asset-dispose-method">{{ 'assets.operations.dispose.method' | transloco }}</label>
        <select
          id="asset-dispose-method"
          class="select"
          (change)="method.set($any($event.target).value)"
          data-testid="asset-dispose-method"
        >
          @for (m of methods; track m) {
            <option [value]="m" [selected]="m === method()">
              {{ 'assets.operations.disposalMethod.' + m | transloco }}
            </option>
          }
        </select>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="asset-dispose-decision">{{ 'assets.operations.fields.decisionNumber' | transloco }}</label>
          <input
            id="asset-dispose-decision"
            class="input"
            maxlength="50"
            placeholder="12/QĐ-THCS"
            (input)="decisionNumber.set($any($event.target).value)"
            data-testid="asset-dispose-decision"
          />
          <p class="field-error" aria-live="polite">{{ errors()['decisionNumber'] }}</p>
        </div>
        <div class="field">
          <label for="asset-dispose-decision-date">{{ 'assets.operations.fields.decisionDate' | transloco }}</label>
          <input
            id="asset-dispose-decision-date"
            class="input"
            emisDateInput
            [isoValue]="decisionDate()"
            (isoInput)="decisionDate.set($event)"
            data-testid="asset-dispose-decision-date"
          />
          <p class="field-error" aria-live="polite">{{ errors()['decisionDate'] }}</p>
        </div>
        <div class="field">
          <label for="asset-dispose-date">{{ 'assets.operations.dispose.disposedOn' | transloco }}</label>
          <input
            id="asset-dispose-date"
            class="input"
            emisDateInput
            [isoValue]="disposedOn()"
            (isoInput)="disposedOn.set($event)"
            data-testid="asset-dispose-date"
          />
          <p class="field-error" aria-live="polite">{{ errors()['disposedOn'] }}</p>
        </div>
      </div>
      @if (withProceeds()) {
        <div class="field-row">
          <div class="field">
            <label for="asset-dispose-proceeds">{{ 'assets.operations.dispose.proceeds' | transloco }}</label>
            <input
              id="asset-dispose-proceeds"
              class="input"
              inputmode="numeric"
              autocomplete="off"
              placeholder="0"
              [attr.aria-invalid]="!proceeds().ok"
              (input)="proceeds.set(parseDong($any($event.target).value))"
              data-testid="asset-dispose-proceeds"
            />
            <p class="field-error" aria-live="polite">
              {{ proceeds().ok ? errors()['proceeds'] : ('assets.register.form.errors.dong' | transloco) }}
            </p>
          </div>
          <div class="field">
            <label for="asset-dispose-costs">{{ 'assets.operations.dispose.costs' | transloco }}</label>
            <input
              id="asset-dispose-costs"
              class="input"
              inputmode="numeric"
              autocomplete="off"
              placeholder="0"
              [attr.aria-invalid]="!costs().ok"
              (input)="costs.set(parseDong($any($event.target).value))"
              data-testid="asset-dispose-costs"
            />
            <p class="field-error" aria-live="polite">
              {{ costs().ok ? errors()['costs'] : ('assets.register.form.errors.dong' | transloco) }}
            </p>
          </div>
        </div>
      }
      <div class="field">
        <label for="asset-dispose-note">{{ 'assets.operations.fields.note' | transloco }}</label>
        <input
          id="asset-dispose-note"
          class="input"
          maxlength="500"
          (input)="note.set($any($event.target).value)"
          data-testid="asset-dispose-note"
        />
      </div>
      <p class="consequence" data-testid="asset-dispose-summary">
        {{
          'assets.operations.dispose.confirm'
            | transloco
              : {
                  name: asset().name,
                  code: asset().code,
                  date: (disposedOn() | emisDate),
                  decision: decisionNumber().trim() || '…',
                  method: ('assets.operations.disposalMethod.' + method() | transloco),
                  cost: (asset().cost | emisDong),
                  wear: (asset().accumulatedWear | emisDong),
                  remaining: (asset().remainingValue | emisDong),
                }
        }}
      </p>
      @if (noWearYear(); as year) {
        <p class="muted" data-testid="asset-dispose-no-wear">
          {{ 'assets.operations.dispose.noWearThisYear' | transloco: { year } }}
        </p>
      }
      <p class="muted">{{ 'assets.operations.dispose.irreversible' | transloco }}</p>
      <emis-problem-alert
        [problem]="problem()"
        [shownFields]="['decisionNumber', 'decisionDate', 'disposedOn', 'proceeds', 'costs']"
        testId="asset-dispose-error"
      />
    </emis-confirm-dialog>
  `,
})
export class AssetDisposalDialogComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly asset = input.required<AssetDetail>();
  readonly done = output<void>();
  readonly cancelled = output<void>();

  protected readonly methods = DISPOSAL_METHODS;
  protected readonly method = signal<DisposalMethod>('LIQUIDATION');
  protected readonly decisionNumber = signal('');
  private readonly today = todayInVietnam();
  protected readonly decisionDate = signal(this.today);
  protected readonly disposedOn = signal(this.today);
  protected readonly parseDong = parseDong;
  protected readonly proceeds = signal(parseDong(''));
  protected readonly costs = signal(parseDong(''));
  protected readonly note = signal('');
  protected readonly withProceeds = computed(() => WITH_PROCEEDS.includes(this.method()));
  protected readonly valid = computed(
    () =>
      this.decisionNumber().trim() !== '' &&
      this.decisionDate() !== '' &&
      this.disposedOn() !== '' &&
      this.proceeds().ok &&
      this.costs().ok,
  );
  /** The year a fixed asset written off before December is no longer worn for. */
  protected readonly noWearYear = computed(() => {
    const [year, month] = this.disposedOn().split('-').map(Number);
    return this.asset().kind === 'FIXED' && year && month < 12 ? year : null;
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () =>
      this.decisionNumber().trim() !== '' ||
      this.decisionDate() !== this.today ||
      this.disposedOn() !== this.today ||
      amountTyped(this.proceeds()) ||
      amountTyped(this.costs()) ||
      this.note().trim() !== '',
  );

  protected submit(): void {
    if (!this.valid()) return;
    const money = this.withProceeds() ? { proceeds: amount(this.proceeds()), costs: amount(this.costs()) } : {};
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .dispose(this.schoolId(), this.asset().id, {
        method: this.method(),
        decisionNumber: this.decisionNumber().trim(),
        decisionDate: this.decisionDate(),
        disposedOn: this.disposedOn(),
        ...money,
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

/** An amount left empty is none: 0 đồng. */
function amount(parsed: ParsedDong): number {
  return parsed.ok ? (parsed.value ?? 0) : 0;
}

/** An amount field holding something: a number, or text that is none. */
function amountTyped(parsed: ParsedDong): boolean {
  return !parsed.ok || parsed.value !== null;
}
