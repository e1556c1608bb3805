import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ProblemDetails, SchoolCalendar, SemesterDates } from '@emis/contracts';
import { fieldErrorMap, ProblemAlertComponent } from '@emis/web/core';
import { DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { semesterOrderErrors } from './calendar-dates';

const SEMESTER_FIELDS = ['semester1Start', 'semester1End', 'semester2Start', 'semester2End'] as const;
type SemesterField = (typeof SEMESTER_FIELDS)[number];

/** The school's own semester dates for a year (school administrator), kept inside the province's school year. */
@Component({
  selector: 'emis-semester-form',
  imports: [ReactiveFormsModule, TranslocoPipe, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form-grid {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 0 1rem;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    @media (max-width: 60rem) {
      .form-grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
  `,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="semester-form">
      <div class="form-grid">
        @for (field of fields; track field) {
          @let id = 'school-' + field;
          @let error = errorOf(field);
          <div class="field">
            <label [for]="id">{{ 'academic.calendar.fields.' + field | transloco }}</label>
            <input
              [id]="id"
              class="input"
              emisDateInput
              [formControlName]="field"
              [attr.aria-invalid]="error !== null"
              [attr.aria-describedby]="id + '-error'"
              [attr.data-testid]="id"
            />
            <p class="field-error" [id]="id + '-error'" aria-live="polite" [attr.data-testid]="id + '-error'">
              @if (error) {
                {{ error.startsWith('!') ? error.slice(1) : (error | transloco) }}
              }
            </p>
          </div>
        }
      </div>
      <emis-problem-alert [problem]="problem()" [shownFields]="fields" testId="semester-form-error" />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="semester-save">
          {{ (busy() ? 'common.saving' : 'academic.calendar.saveOverride') | transloco }}
        </button>
        @if (calendar().overridden) {
          <button
            type="button"
            class="btn btn-secondary"
            [disabled]="busy()"
            (click)="reset.emit()"
            data-testid="semester-reset"
          >
            {{ 'academic.calendar.useDepartment' | transloco }}
          </button>
        }
      </div>
    </form>
  `,
})
export class SemesterFormComponent {
  readonly calendar = input.required<SchoolCalendar>();
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly save = output<SemesterDates>();
  readonly reset = output<void>();

  /** Typed into and not saved (read by the page's leave guard). */
  get dirty(): boolean {
    return this.form.dirty;
  }

  protected readonly fields = SEMESTER_FIELDS;
  protected readonly form = new FormGroup({
    semester1Start: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    semester1End: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    semester2Start: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    semester2End: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly showAll = signal(false);
  private readonly orderErrors = computed(() => {
    this.value();
    const year = this.calendar().schoolYear;
    return semesterOrderErrors(this.form.getRawValue(), {
      startsOn: year.startsOn.slice(0, 10),
      endsOn: year.endsOn.slice(0, 10),
    });
  });
  private readonly serverErrors = computed(() => fieldErrorMap(this.problem()));

  constructor() {
    effect(() => {
      const c = this.calendar();
      untracked(() => {
        this.showAll.set(false);
        this.form.reset({
          semester1Start: c.semester1Start.slice(0, 10),
          semester1End: c.semester1End.slice(0, 10),
          semester2Start: c.semester2Start.slice(0, 10),
          semester2End: c.semester2End.slice(0, 10),
        });
      });
    });
  }

  protected errorOf(field: SemesterField): string | null {
    this.value();
    const control = this.form.controls[field];
    if (!this.showAll() && !control.touched) return null;
    const server = this.serverErrors()[field];
    if (server && !control.dirty) return `!${server}`;
    if (control.hasError('date')) return 'dateInput.invalid';
    if (control.hasError('required')) return 'academic.dates.errors.required';
    const order = this.orderErrors()[field];
    return order ? `academic.dates.errors.${order}` : null;
  }

  protected submit(): void {
    this.showAll.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || Object.keys(this.orderErrors()).length > 0) return;
    this.save.emit(this.form.getRawValue());
  }
}
