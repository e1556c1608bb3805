import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { AssetDetail, ProblemDetails, TransferTarget } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { EmisDatePipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, finalize, of, switchMap } from 'rxjs';
import { OperationsApi } from '../../data-access/operations.api';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Releases the asset to another school of the province under a transfer decision. The asset leaves this school's
 * books only when the receiving school accepts it (Circular 23/2023/TT-BTC Art. 12.1.c: the receiver charges the
 * year's wear); until then the release can be cancelled from the transfers page.
 */
@Component({
  selector: 'emis-asset-transfer-dialog',
  imports: [TranslocoPipe, EmisDatePipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './asset-dialog.css',
  styles: `
    .targets {
      max-height: 12rem;
      overflow-y: auto;
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    .targets li + li {
      border-top: 1px solid var(--border);
    }
    .target {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.25rem 0.75rem;
      cursor: pointer;
    }
    .target:hover {
      background: var(--surface-muted);
    }
    .plain-fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
  `,
  template: `
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="true"
      [title]="'assets.operations.transferOut.title' | transloco"
      [confirmLabel]="'assets.operations.transferOut.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="!valid()"
      testId="asset-transfer"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="asset-transfer-search">{{ 'assets.operations.transferOut.search' | transloco }}</label>
        <input
          id="asset-transfer-search"
          class="input"
          type="search"
          autocomplete="off"
          [value]="query()"
          (input)="query.set($any($event.target).value)"
          [attr.placeholder]="'assets.operations.transferOut.searchPlaceholder' | transloco"
          data-testid="asset-transfer-search"
        />
      </div>
      <fieldset class="plain-fieldset">
        <legend class="visually-hidden">{{ 'assets.operations.transferOut.school' | transloco }}</legend>
        <ul class="targets" [attr.aria-busy]="searching()">
          @for (t of targets(); track t.id) {
            <li>
              <label class="target">
                <input
                  type="radio"
                  name="asset-transfer-target"
                  [checked]="target()?.id === t.id"
                  (change)="target.set(t)"
                  data-testid="asset-transfer-school"
                />
                <span
                  >{{ t.name }} <span class="muted">· {{ t.code }}</span></span
                >
              </label>
            </li>
          } @empty {
            <li class="target muted">
              {{ (searching() ? 'common.loading' : 'assets.operations.transferOut.noTargets') | transloco }}
            </li>
          }
        </ul>
        <p class="field-error" aria-live="polite">{{ errors()['toSchoolId'] }}</p>
      </fieldset>
      <div class="field-row">
        <div class="field">
          <label for="asset-transfer-date">{{ 'assets.operations.fields.effectiveOn' | transloco }}</label>
          <input
            id="asset-transfer-date"
            class="input"
            emisDateInput
            [isoValue]="effectiveOn()"
            (isoInput)="effectiveOn.set($event)"
            data-testid="asset-transfer-date"
          />
          <p class="field-error" aria-live="polite">{{ errors()['effectiveOn'] }}</p>
        </div>
        <div class="field">
          <label for="asset-transfer-decision">{{ 'assets.operations.fields.decisionNumber' | transloco }}</label>
          <input
            id="asset-transfer-decision"
            class="input"
            maxlength="50"
            placeholder="25/QĐ-UBND"
            (input)="decisionNumber.set($any($event.target).value)"
            data-testid="asset-transfer-decision"
          />
          <p class="field-error" aria-live="polite">{{ errors()['decisionNumber'] }}</p>
        </div>
      </div>
      @if (target(); as t) {
        <p class="consequence" data-testid="asset-transfer-summary">
          {{
            'assets.operations.transferOut.confirm'
              | transloco
                : {
                    name: asset().name,
                    code: asset().code,
                    school: t.name,
                    date: (effectiveOn() | emisDate),
                    decision: decisionNumber().trim() || '…',
                  }
          }}
        </p>
      }
      <emis-problem-alert
        [problem]="problem()"
        [shownFields]="['toSchoolId', 'effectiveOn', 'decisionNumber']"
        testId="asset-transfer-error"
      />
    </emis-confirm-dialog>
  `,
})
export class AssetTransferDialogComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly asset = input.required<AssetDetail>();
  readonly done = output<void>();
  readonly cancelled = output<void>();

  protected readonly query = signal('');
  protected readonly targets = signal<TransferTarget[]>([]);
  protected readonly searching = signal(false);
  protected readonly target = signal<TransferTarget | null>(null);
  private readonly today = todayInVietnam();
  protected readonly effectiveOn = signal(this.today);
  protected readonly decisionNumber = signal('');
  protected readonly valid = computed(
    () => !!this.target() && this.effectiveOn() !== '' && this.decisionNumber().trim() !== '',
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () =>
      !!this.target() ||
      this.query().trim() !== '' ||
      this.effectiveOn() !== this.today ||
      this.decisionNumber().trim() !== '',
  );

  constructor() {
    toObservable(this.query)
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((q) => {
          this.searching.set(true);
          return this.api.transferTargets(q.trim()).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of([] as TransferTarget[]);
            }),
            finalize(() => this.searching.set(false)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((targets) => this.targets.set(targets.filter((t) => t.id !== this.schoolId())));
  }

  protected submit(): void {
    const target = this.target();
    if (!target || !this.valid()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .transferOut(this.schoolId(), this.asset().id, {
        toSchoolId: target.id,
        effectiveOn: this.effectiveOn(),
        decisionNumber: this.decisionNumber().trim(),
        version: this.asset().version,
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => this.done.emit(),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
