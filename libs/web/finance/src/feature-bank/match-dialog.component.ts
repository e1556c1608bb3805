import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { BankLine, ProblemDetails, StudentSummary } from '@emis/contracts';
import { ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, formatDong } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { PupilPickerComponent } from '../ui/pupil-picker.component';

/** The pupil a line is matched with: one of the API's suggestions, or one found by code or name. */
interface ChosenPupil {
  studentId: string;
  code: string;
  name: string;
}

/**
 * Matches an unmatched statement line with a pupil: the API's suggestions (the description resembles their payment
 * code or name) come first, any other pupil of the school is found with the pupil picker. Confirming records a BANK receipt
 * with the line's reference, settling the pupil's oldest charges first (over-payment is refused by the API).
 */
@Component({
  selector: 'emis-bank-match-dialog',
  imports: [TranslocoPipe, DongPipe, ConfirmDialogComponent, ProblemAlertComponent, PupilPickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <emis-confirm-dialog
      [open]="true"
      [title]="'finance.money.bank.matchTitle' | transloco"
      [confirmLabel]="'finance.money.bank.match' | transloco"
      [busy]="busy()"
      [confirmDisabled]="!chosen()"
      [unsaved]="unsaved()"
      testId="bank-match"
      (confirmed)="match()"
      (cancelled)="cancelled.emit()"
    >
      <p>
        <strong>{{ line().amount | emisDong }}</strong> · <span class="code">{{ line().reference }}</span>
      </p>
      <p class="muted">{{ line().description }}</p>
      @if (line().suggestions.length > 0) {
        <fieldset class="stack-sm">
          <legend>{{ 'finance.money.bank.suggestions' | transloco }}</legend>
          @for (s of line().suggestions; track s.studentId) {
            <label class="field-inline">
              <input
                type="radio"
                name="bank-match-pupil"
                [checked]="chosen()?.studentId === s.studentId"
                (change)="chosen.set({ studentId: s.studentId, code: s.studentCode, name: s.studentName })"
                data-testid="bank-match-suggestion"
              />
              {{
                'finance.money.bank.suggestion'
                  | transloco: { name: s.studentName, code: s.studentCode, outstanding: (s.outstanding | emisDong) }
              }}
            </label>
          }
        </fieldset>
      }
      <emis-pupil-picker [schoolId]="schoolId()" inputId="bank-match-search" (picked)="pick($event)" />
      @if (chosen(); as c) {
        <p class="alert alert-warning" data-testid="bank-match-summary">
          {{
            'finance.money.bank.matchBody'
              | transloco: { amount: amount(), name: c.name, code: c.code, reference: line().reference }
          }}
        </p>
      }
      <emis-problem-alert [problem]="problem()" testId="bank-match-error" />
    </emis-confirm-dialog>
  `,
})
export class BankMatchDialogComponent {
  private readonly api = inject(MoneyApi);

  readonly schoolId = input.required<string>();
  readonly line = input.required<BankLine>();
  /** The suggestion the user clicked to open the dialog, chosen from the start. */
  readonly suggestedId = input<string | null>(null);
  readonly matched = output<BankLine>();
  readonly cancelled = output<void>();

  /** The suggestion chosen when the dialog opened, if the user came from one. */
  private readonly preselected = computed(
    () => this.line().suggestions.find((p) => p.studentId === this.suggestedId())?.studentId ?? null,
  );
  protected readonly chosen = linkedSignal<ChosenPupil | null>(() => {
    const s = this.line().suggestions.find((p) => p.studentId === this.preselected());
    return s ? { studentId: s.studentId, code: s.studentCode, name: s.studentName } : null;
  });
  /** A pupil chosen other than the one the dialog opened with: closing asks first, and leaving the page is guarded. */
  protected readonly unsaved = computed(() => (this.chosen()?.studentId ?? null) !== this.preselected());
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly amount = computed(() => formatDong(this.line().amount));

  /** A pupil found by code or name: their code is their personal identification number. */
  protected pick(pupil: StudentSummary): void {
    this.chosen.set({ studentId: pupil.id, code: pupil.personalId ?? '', name: pupil.fullName });
  }

  protected match(): void {
    const chosen = this.chosen();
    if (!chosen) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .matchLine(this.schoolId(), this.line().id, chosen.studentId)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (line) => this.matched.emit(line),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
