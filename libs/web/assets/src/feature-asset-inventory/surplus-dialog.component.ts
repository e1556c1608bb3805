import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { AssetLocation, InventoryLine, ProblemDetails } from '@emis/contracts';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, parseDong } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../data-access/operations.api';

/** Records something found in the count that is not on the books; approval makes it a new asset. */
@Component({
  selector: 'emis-surplus-dialog',
  imports: [TranslocoPipe, ConfirmDialogComponent, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .field-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0 0.75rem;
    }
    .consequence {
      margin: 0.75rem 0 0;
      font-weight: 600;
    }
  `,
  template: `
    <emis-confirm-dialog
      [open]="true"
      [title]="'assets.operations.inventory.surplus.title' | transloco"
      [confirmLabel]="'assets.operations.inventory.surplus.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="!valid()"
      [unsaved]="unsaved()"
      testId="surplus-dialog"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="surplus-description">{{ 'assets.operations.inventory.surplus.description' | transloco }}</label>
        <input
          id="surplus-description"
          class="input"
          maxlength="300"
          (input)="description.set($any($event.target).value)"
          data-testid="surplus-description"
        />
        <p class="field-error" aria-live="polite">{{ errors()['description'] }}</p>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="surplus-quantity">{{ 'assets.operations.inventory.surplus.quantity' | transloco }}</label>
          <input
            id="surplus-quantity"
            class="input"
            type="number"
            inputmode="numeric"
            min="1"
            step="1"
            [value]="quantity()"
            (input)="quantity.set(+$any($event.target).value)"
            data-testid="surplus-quantity"
          />
          <p class="field-error" aria-live="polite">{{ errors()['quantity'] }}</p>
        </div>
        <div class="field">
          <label for="surplus-unit-cost">{{ 'assets.operations.inventory.surplus.unitCost' | transloco }}</label>
          <input
            id="surplus-unit-cost"
            class="input"
            inputmode="numeric"
            autocomplete="off"
            [attr.aria-invalid]="!unitCost().ok"
            (input)="unitCost.set(parseDong($any($event.target).value))"
            data-testid="surplus-unit-cost"
          />
          <p class="field-error" aria-live="polite">
            {{ unitCost().ok ? errors()['unitCost'] : ('assets.register.form.errors.dong' | transloco) }}
          </p>
        </div>
      </div>
      <div class="field">
        <label for="surplus-location">{{ 'assets.operations.inventory.surplus.location' | transloco }}</label>
        <select
          id="surplus-location"
          class="select"
          (change)="locationId.set($any($event.target).value)"
          data-testid="surplus-location"
        >
          <option value="">{{ 'assets.operations.noRoomChoice' | transloco }}</option>
          @for (l of locations(); track l.id) {
            <option [value]="l.id" [selected]="l.id === locationId()">
              {{ 'assets.operations.roomLabel' | transloco: l }}
            </option>
          }
        </select>
        <p class="field-error" aria-live="polite">{{ errors()['locationId'] }}</p>
      </div>
      @if (valid()) {
        <p class="consequence" data-testid="surplus-summary">
          {{
            'assets.operations.inventory.surplus.confirm'
              | transloco: { quantity: quantity(), description: description().trim() }
          }}
        </p>
      }
      <emis-problem-alert
        [problem]="problem()"
        [shownFields]="['description', 'quantity', 'unitCost', 'locationId']"
        testId="surplus-error"
      />
    </emis-confirm-dialog>
  `,
})
export class SurplusDialogComponent implements OnInit {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly inventoryId = input.required<string>();
  readonly locations = input.required<AssetLocation[]>();
  /** The room being counted, chosen by default. */
  readonly roomId = input('');
  readonly done = output<InventoryLine>();
  readonly cancelled = output<void>();

  protected readonly description = signal('');
  protected readonly quantity = signal(1);
  protected readonly parseDong = parseDong;
  protected readonly unitCost = signal(parseDong(''));
  protected readonly locationId = signal('');
  protected readonly valid = computed(
    () =>
      this.description().trim() !== '' &&
      Number.isSafeInteger(this.quantity()) &&
      this.quantity() > 0 &&
      this.unitCost().ok,
  );
  /** Anything typed or chosen beyond the defaults: closing asks first, and leaving the page is guarded. */
  protected readonly unsaved = computed(() => {
    const cost = this.unitCost();
    return (
      this.description().trim() !== '' ||
      this.quantity() !== 1 ||
      !cost.ok ||
      cost.value !== null ||
      this.locationId() !== this.roomId()
    );
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  ngOnInit(): void {
    this.locationId.set(this.roomId());
  }

  protected submit(): void {
    if (!this.valid()) return;
    const parsed = this.unitCost();
    const unitCost = parsed.ok ? parsed.value : null;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .addSurplus(this.schoolId(), this.inventoryId(), {
        description: this.description().trim(),
        quantity: this.quantity(),
        locationId: this.locationId() || null,
        ...(unitCost !== null ? { unitCost } : {}),
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (line) => this.done.emit(line),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
