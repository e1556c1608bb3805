import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { AssetDetail, CostChangeInput, ProblemDetails } from '@emis/contracts';
import { COST_CHANGE_KINDS } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent } from '@emis/web/core';
import { DialogComponent, DongInputDirective, DongPipe, FieldMessageComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { assetRuleKey } from '../feature-asset-form/asset-form.model';
import { createCostChangeForm, toCostChangeInput } from './cost-change.model';

/** The dialog recording an upgrade, a value-adding repair, a revaluation or a partial removal of an asset. */
@Component({
  selector: 'emis-cost-change-dialog',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    DialogComponent,
    ProblemAlertComponent,
    DongInputDirective,
    DongPipe,
    FieldMessageComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .amount {
      text-align: right;
    }
  `,
  template: `
    <emis-dialog
      #dialog
      [unsaved]="form().dirty"
      [open]="open()"
      [heading]="'assets.register.costDialog.title' | transloco"
      [busy]="busy()"
      testId="cost-change"
      (closed)="cancelled.emit()"
    >
      <p class="muted">{{ 'assets.register.costDialog.current' | transloco: { cost: (asset().cost | emisDong) } }}</p>
      <form [formGroup]="form()" (ngSubmit)="submit()" novalidate>
        <div class="field">
          <label for="cost-kind">{{ 'assets.register.costDialog.kind' | transloco }}</label>
          <select id="cost-kind" class="select" formControlName="kind" data-testid="cost-change-kind">
            @for (k of kinds; track k) {
              <option [value]="k">{{ 'assets.register.costChange.' + k | transloco }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="cost-effectiveOn">{{ 'assets.register.costDialog.effectiveOn' | transloco }}</label>
          <input
            id="cost-effectiveOn"
            class="input"
            emisDateInput
            formControlName="effectiveOn"
            data-testid="cost-change-date"
          />
          <p class="field-error" aria-live="polite"><emis-field-message [message]="errorOf('effectiveOn')" /></p>
        </div>
        <div class="field">
          <label for="cost-newCost">{{ 'assets.register.costDialog.newCost' | transloco }}</label>
          <input
            id="cost-newCost"
            class="input amount"
            type="text"
            emisDongInput
            formControlName="newCost"
            aria-describedby="cost-newCost-error"
            data-testid="cost-change-new-cost"
          />
          <p class="field-error" id="cost-newCost-error" aria-live="polite" data-testid="cost-change-new-cost-error">
            <emis-field-message [message]="errorOf('newCost')" [params]="{ cost: (asset().cost | emisDong) }" />
          </p>
        </div>
        <div class="field">
          <label for="cost-document">{{ 'assets.register.costDialog.documentNumber' | transloco }}</label>
          <input
            id="cost-document"
            class="input"
            formControlName="documentNumber"
            maxlength="60"
            data-testid="cost-change-document"
          />
          <p class="field-error" aria-live="polite"><emis-field-message [message]="errorOf('documentNumber')" /></p>
        </div>
        <div class="field">
          <label for="cost-note">{{ 'assets.register.costDialog.note' | transloco }}</label>
          <textarea id="cost-note" class="input" rows="2" formControlName="note" maxlength="1000"></textarea>
        </div>
        <p class="field-hint">{{ 'assets.register.costDialog.laterYears' | transloco }}</p>
        <emis-problem-alert [problem]="problem()" testId="cost-change-error" />
        <div class="actions">
          <button type="button" class="btn btn-secondary" (click)="dialog.requestClose()" [disabled]="busy()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="cost-change-confirm">
            {{ (busy() ? 'common.working' : 'assets.register.costDialog.confirm') | transloco }}
          </button>
        </div>
      </form>
    </emis-dialog>
  `,
})
export class CostChangeDialogComponent {
  readonly open = input(false);
  readonly asset = input.required<AssetDetail>();
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly changed = output<CostChangeInput>();
  readonly cancelled = output<void>();

  protected readonly kinds = COST_CHANGE_KINDS;
  /** A fresh form each time the dialog opens, bound to the cost at that moment. */
  protected readonly form = signal(createCostChangeForm(0));
  private readonly attempted = signal(false);
  private readonly serverErrors = computed(() => fieldErrorMap(this.problem()));

  constructor() {
    effect(() => {
      if (!this.open()) return;
      const cost = this.asset().cost;
      untracked(() => {
        this.form.set(createCostChangeForm(cost));
        this.attempted.set(false);
      });
    });
  }

  protected errorOf(name: 'effectiveOn' | 'newCost' | 'documentNumber'): string | null {
    const form = this.form();
    this.attempted();
    const control = form.controls[name];
    if (!this.attempted() && !control.touched) return null;
    const server = this.serverErrors()[name];
    if (server && !control.dirty) return `!${server}`;
    if (control.errors) return assetRuleKey(control.errors);
    if (name !== 'newCost') return null;
    const direction = ['raise', 'lower', 'same'].find((rule) => form.hasError(rule));
    return direction ? `assets.register.costDialog.errors.${direction}` : null;
  }

  protected submit(): void {
    const form = this.form();
    this.attempted.set(true);
    form.markAllAsTouched();
    if (form.invalid) return;
    this.changed.emit(toCostChangeInput(form, this.asset().version));
  }
}
