import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ProblemDetails, SchoolYear, SchoolYearInput } from '@emis/contracts';
import { isSchoolYearCode } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent } from '@emis/web/core';
import { DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { semesterOrderErrors } from './calendar-dates';

export const YEAR_FIELDS = [
  'code',
  'startsOn',
  'endsOn',
  'semester1Start',
  'semester1End',
  'semester2Start',
  'semester2End',
] as const;
type YearField = (typeof YEAR_FIELDS)[number];

function dateControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.required] });
}

/** Creates or edits a school year of the province (department administrator). */
@Component({
  selector: 'emis-year-form',
  imports: [ReactiveFormsModule, TranslocoPipe, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form-grid {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0 1.25rem;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    @media (max-width: 48rem) {
      .form-grid {
        grid-template-columns: 1fr;
      }
    }
  `,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="year-form">
      <div class="form-grid">
        @for (field of fields; track field) {
          @let id = 'year-' + field;
          @let error = errorOf(field);
          <div class="field">
            <label [for]="id">{{ 'academic.calendar.fields.' + field | transloco }}</label>
            @if (field === 'code') {
              <input
                [id]="id"
                class="input"
                type="text"
                [formControlName]="field"
                placeholder="2026-2027"
                [attr.aria-invalid]="error !== null"
                [attr.aria-describedby]="id + '-error'"
                [attr.data-testid]="id"
              />
            } @else {
              <input
                [id]="id"
                class="input"
                emisDateInput
                [formControlName]="field"
                [attr.aria-invalid]="error !== null"
                [attr.aria-describedby]="id + '-error'"
                [attr.data-testid]="id"
              />
            }
            <p class="field-error" [id]="id + '-error'" aria-live="polite" [attr.data-testid]="id + '-error'">
              @if (error) {
                {{ error.startsWith('!') ? error.slice(1) : (error | transloco) }}
              }
            </p>
          </div>
        }
      </div>
      <emis-problem-alert [problem]="problem()" [shownFields]="fields" testId="year-form-error" />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="year-save">
          {{ (busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          [disabled]="busy()"
          (click)="cancelled.emit()"
          data-testid="year-cancel"
        >
          {{ 'common.cancel' | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class YearFormComponent {
  readonly year = input<SchoolYear | null>(null);
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly save = output<SchoolYearInput>();
  readonly cancelled = output<void>();

  /** Typed into and not saved (read by the page's leave guard). */
  get dirty(): boolean {
    return this.form.dirty;
  }

  protected readonly fields = YEAR_FIELDS;
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startsOn: dateControl(),
    endsOn: dateControl(),
    semester1Start: dateControl(),
    semester1End: dateControl(),
    semester2Start: dateControl(),
    semester2End: dateControl(),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly orderErrors = computed(() => {
    const v = { ...this.form.getRawValue(), ...this.value() };
    return semesterOrderErrors(
      {
        semester1Start: v.semester1Start,
        semester1End: v.semester1End,
        semester2Start: v.semester2Start,
        semester2End: v.semester2End,
      },
      { startsOn: v.startsOn, endsOn: v.endsOn },
    );
  });
  private readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  private readonly showAll = signal(false);

  constructor() {
    effect(() => {
      const year = this.year();
      untracked(() => {
        this.showAll.set(false);
        this.form.reset(year ? pickInput(year) : EMPTY_YEAR);
      });
    });
  }

  /** A translation key, or the server's own message prefixed with "!". */
  protected errorOf(field: YearField): string | null {
    this.value();
    const control = this.form.controls[field];
    if (!this.showAll() && !control.touched) return null;
    const server = this.serverErrors()[field];
    if (server && !control.dirty) return `!${server}`;
    if (control.hasError('date')) return 'dateInput.invalid';
    if (control.hasError('required')) return 'academic.dates.errors.required';
    if (field === 'code' && !isSchoolYearCode(control.value.trim())) return 'academic.calendar.errors.code';
    const order = (this.orderErrors() as Record<string, string | undefined>)[field];
    return order ? `academic.dates.errors.${order}` : null;
  }

  protected submit(): void {
    this.showAll.set(true);
    this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const invalid =
      this.form.invalid || !isSchoolYearCode(value.code.trim()) || Object.keys(this.orderErrors()).length > 0;
    if (invalid) {
      this.form.updateValueAndValidity();
      return;
    }
    this.save.emit({ ...value, code: value.code.trim() });
  }
}

const EMPTY_YEAR: SchoolYearInput = {
  code: '',
  startsOn: '',
  endsOn: '',
  semester1Start: '',
  semester1End: '',
  semester2Start: '',
  semester2End: '',
};

function pickInput(year: SchoolYear): SchoolYearInput {
  const day = (value: string) => value.slice(0, 10);
  return {
    code: year.code,
    startsOn: day(year.startsOn),
    endsOn: day(year.endsOn),
    semester1Start: day(year.semester1Start),
    semester1End: day(year.semester1End),
    semester2Start: day(year.semester2Start),
    semester2End: day(year.semester2End),
  };
}
