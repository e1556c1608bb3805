import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { ProblemDetails } from '@emis/contracts';
import { BUDGET_SOURCES, SPENDING_GROUPS } from '@emis/domain';
import { ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, DongInputDirective, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { createBudgetEntryForm, EnteredKind, toBudgetEntryInput } from './budget-entry.model';

/** A new budget entry of the kinds the user may write (enterableKinds), with its decision when there is one. */
@Component({
  selector: 'emis-budget-entry-dialog',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    DialogComponent,
    DongInputDirective,
    ProblemAlertComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <emis-dialog
      #dialog
      [unsaved]="form.dirty"
      [open]="true"
      [heading]="'finance.money.budget.addTitle' | transloco"
      [busy]="busy()"
      testId="budget-entry"
      (closed)="cancelled.emit()"
    >
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="field-row">
          <div class="field">
            <label for="budget-entry-kind">{{ 'finance.money.budget.kind' | transloco }}</label>
            <select id="budget-entry-kind" class="select" formControlName="kind" data-testid="budget-entry-kind">
              @for (k of kinds(); track k) {
                <option [value]="k">{{ 'finance.money.entryKind.' + k | transloco }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="budget-entry-on">{{ 'finance.money.budget.enteredOn' | transloco }}</label>
            <input id="budget-entry-on" class="input" emisDateInput formControlName="enteredOn" />
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="budget-entry-source">{{ 'finance.money.budget.source' | transloco }}</label>
            <select
              id="budget-entry-source"
              class="select"
              formControlName="fundingSource"
              data-testid="budget-entry-source"
            >
              @for (s of sources; track s) {
                <option [value]="s">{{ 'finance.money.source.' + s | transloco }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="budget-entry-group">{{ 'finance.money.budget.group' | transloco }}</label>
            <select
              id="budget-entry-group"
              class="select"
              formControlName="spendingGroup"
              data-testid="budget-entry-group"
            >
              @for (g of groups; track g) {
                <option [value]="g">{{ 'finance.money.group.' + g | transloco }}</option>
              }
            </select>
          </div>
        </div>
        <div class="field">
          <label for="budget-entry-amount">{{ 'finance.money.common.amount' | transloco }}</label>
          <input
            id="budget-entry-amount"
            class="input"
            type="text"
            emisDongInput
            formControlName="amount"
            data-testid="budget-entry-amount"
          />
          @if (form.controls.kind.value === 'ADJUSTMENT') {
            <label class="field-inline">
              <input type="checkbox" formControlName="negative" data-testid="budget-entry-negative" />
              {{ 'finance.money.budget.reduce' | transloco }}
            </label>
          }
          <p class="field-error" aria-live="polite">
            @if (error(); as e) {
              {{ 'finance.money.budget.amountErrors.' + e | transloco }}
            }
          </p>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="budget-entry-decision">{{ 'finance.money.budget.decisionNumber' | transloco }}</label>
            <input
              id="budget-entry-decision"
              class="input"
              type="text"
              maxlength="60"
              formControlName="decisionNumber"
            />
          </div>
          <div class="field">
            <label for="budget-entry-decision-date">{{ 'finance.money.budget.decisionDate' | transloco }}</label>
            <input id="budget-entry-decision-date" class="input" emisDateInput formControlName="decisionDate" />
          </div>
        </div>
        <div class="field">
          <label for="budget-entry-note">{{ 'finance.money.common.note' | transloco }}</label>
          <input id="budget-entry-note" class="input" type="text" maxlength="500" formControlName="note" />
        </div>
        <emis-problem-alert [problem]="problem()" testId="budget-entry-error" />
        <div class="dialog-actions">
          <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="dialog.requestClose()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="budget-entry-save">
            {{ (busy() ? 'common.saving' : 'finance.money.budget.add') | transloco }}
          </button>
        </div>
      </form>
    </emis-dialog>
  `,
})
export class BudgetEntryDialogComponent implements OnInit {
  private readonly api = inject(MoneyApi);

  readonly schoolId = input.required<string>();
  readonly fiscalYear = input.required<number>();
  readonly kinds = input.required<EnteredKind[]>();
  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly sources = BUDGET_SOURCES;
  protected readonly groups = SPENDING_GROUPS;
  protected readonly form = createBudgetEntryForm('ESTIMATE');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly error = signal<'required' | 'zero' | 'negative' | 'form' | null>(null);

  ngOnInit(): void {
    this.form.controls.kind.setValue(this.kinds()[0] ?? 'ESTIMATE');
  }

  protected save(): void {
    const attempt = toBudgetEntryInput(this.form, this.fiscalYear());
    this.error.set('error' in attempt ? attempt.error : null);
    if ('error' in attempt) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .addBudgetEntry(this.schoolId(), attempt.input)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => this.saved.emit(),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
