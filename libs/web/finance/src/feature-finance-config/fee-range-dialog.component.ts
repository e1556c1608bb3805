import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { FeeRange, ProblemDetails } from '@emis/contracts';
import { BILLING_UNITS, FEE_AREAS, SCHOOL_LEVELS } from '@emis/domain';
import { ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, DongInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { FinanceConfigApi } from '../data-access/finance-config.api';
import { createFeeRangeForm, fillFeeRangeForm, RANGED_FEE_KINDS, toFeeRangeInput } from './fee-range.model';

/** A new range of an approved fee for the year, or one changed (the whole range is sent again). */
@Component({
  selector: 'emis-fee-range-dialog',
  imports: [ReactiveFormsModule, TranslocoPipe, DialogComponent, DongInputDirective, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <emis-dialog
      #dialog
      [unsaved]="form.dirty"
      [open]="true"
      [heading]="'finance.money.config.addRange' | transloco"
      [busy]="busy()"
      testId="fee-range"
      (closed)="cancelled.emit()"
    >
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="field-row">
          <div class="field">
            <label for="range-kind">{{ 'finance.money.config.feeKind' | transloco }}</label>
            <select id="range-kind" class="select" formControlName="feeKind" data-testid="range-kind">
              @for (k of kinds; track k) {
                <option [value]="k">{{ 'finance.collection.feeKind.' + k | transloco }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="range-unit">{{ 'finance.money.config.billingUnit' | transloco }}</label>
            <select id="range-unit" class="select" formControlName="billingUnit">
              @for (u of units; track u) {
                <option [value]="u">{{ 'finance.collection.billingUnit.' + u | transloco }}</option>
              }
            </select>
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="range-level">{{ 'finance.money.config.level' | transloco }}</label>
            <select id="range-level" class="select" formControlName="schoolLevel">
              @for (l of levels; track l) {
                <option [value]="l">{{ 'levels.' + l | transloco }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="range-area">{{ 'finance.money.config.area' | transloco }}</label>
            <select id="range-area" class="select" formControlName="area">
              <option value="ANY">{{ 'finance.money.anyArea' | transloco }}</option>
              @for (a of areas; track a) {
                <option [value]="a">{{ 'finance.money.area.' + a | transloco }}</option>
              }
            </select>
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="range-min">{{ 'finance.money.config.minAmount' | transloco }}</label>
            <input id="range-min" class="input" type="text" emisDongInput formControlName="minAmount" />
          </div>
          <div class="field">
            <label for="range-max">{{ 'finance.money.config.maxAmount' | transloco }}</label>
            <input id="range-max" class="input" type="text" emisDongInput formControlName="maxAmount" />
          </div>
        </div>
        <div class="field">
          <label for="range-name-vi">{{ 'finance.money.config.nameVi' | transloco }}</label>
          <input id="range-name-vi" class="input" type="text" maxlength="200" formControlName="nameVi" />
        </div>
        <div class="field">
          <label for="range-name-en">{{ 'finance.money.config.nameEn' | transloco }}</label>
          <input id="range-name-en" class="input" type="text" maxlength="200" formControlName="nameEn" />
        </div>
        <p class="field-error" aria-live="polite">
          @if (error(); as e) {
            {{
              (e === 'minAboveMax' ? 'finance.money.config.minAboveMax' : 'finance.money.common.required') | transloco
            }}
          }
        </p>
        <emis-problem-alert [problem]="problem()" testId="fee-range-error" />
        <div class="dialog-actions">
          <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="dialog.requestClose()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="fee-range-save">
            {{ (busy() ? 'common.saving' : 'common.save') | transloco }}
          </button>
        </div>
      </form>
    </emis-dialog>
  `,
})
export class FeeRangeDialogComponent implements OnInit {
  private readonly api = inject(FinanceConfigApi);

  readonly schoolYearId = input.required<string>();
  /** The range to change; null for a new one. */
  readonly range = input<FeeRange | null>(null);
  readonly saved = output<FeeRange>();
  readonly cancelled = output<void>();

  protected readonly kinds = RANGED_FEE_KINDS;
  protected readonly units = BILLING_UNITS;
  protected readonly levels = SCHOOL_LEVELS;
  protected readonly areas = FEE_AREAS;
  protected readonly form = createFeeRangeForm();
  protected readonly error = signal<'form' | 'minAboveMax' | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  ngOnInit(): void {
    const range = this.range();
    if (range) fillFeeRangeForm(this.form, range);
  }

  protected save(): void {
    const attempt = toFeeRangeInput(this.form, this.schoolYearId());
    this.error.set('error' in attempt ? attempt.error : null);
    if ('error' in attempt) return;
    const range = this.range();
    this.busy.set(true);
    this.problem.set(null);
    (range ? this.api.updateFeeRange(range.id, attempt.input) : this.api.addFeeRange(attempt.input))
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (saved) => this.saved.emit(saved),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
