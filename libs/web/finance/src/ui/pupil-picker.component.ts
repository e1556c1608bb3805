import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { StudentSummary } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';

const SEARCH_DEBOUNCE_MS = 250;
const MIN_QUERY = 2;

/**
 * A search box for a pupil by code or name (the students list's own search), made for the
 * keyboard: type, Up and Down move through the suggestions, Enter takes one. A combobox in the ARIA sense.
 */
@Component({
  selector: 'emis-pupil-picker',
  imports: [ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .picker {
      position: relative;
    }
    .options {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0.25rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      box-shadow: var(--shadow);
    }
    .option {
      display: flex;
      gap: 0.75rem;
      padding: 0.375rem 0.5rem;
      border-radius: var(--radius);
      cursor: pointer;
    }
    .option[aria-selected='true'] {
      background: var(--primary-soft, #e8f0fe);
      outline: 2px solid var(--primary);
    }
    .code {
      font-variant-numeric: tabular-nums;
      color: var(--text-muted);
    }
  `,
  template: `
    <div class="field picker">
      <label [for]="inputId()">{{ 'finance.collection.pupilPicker.label' | transloco }}</label>
      <input
        #box
        class="input"
        [id]="inputId()"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        [attr.aria-expanded]="suggestions().length > 0"
        [attr.aria-controls]="inputId() + '-options'"
        [attr.aria-activedescendant]="suggestions().length > 0 ? inputId() + '-option-' + active() : null"
        [placeholder]="'finance.collection.pupilPicker.placeholder' | transloco"
        [formControl]="query"
        (keydown)="key($event)"
        data-testid="pupil-search"
      />
      <p class="field-hint">{{ 'finance.collection.pupilPicker.hint' | transloco }}</p>
      @if (suggestions().length > 0) {
        <ul class="options" role="listbox" [id]="inputId() + '-options'" data-testid="pupil-options">
          @for (pupil of suggestions(); track pupil.id; let i = $index) {
            <li
              class="option"
              role="option"
              [id]="inputId() + '-option-' + i"
              [attr.aria-selected]="i === active()"
              (mousedown)="$event.preventDefault()"
              (click)="take(pupil)"
              data-testid="pupil-option"
            >
              <span class="code">{{ pupil.personalId }}</span>
              <span>{{ pupil.fullName }}</span>
              <span class="code">{{ pupil.className }}</span>
            </li>
          }
        </ul>
      } @else if (searched() && query.value.trim().length >= minQuery) {
        <p class="muted" role="status">{{ 'finance.collection.pupilPicker.none' | transloco }}</p>
      }
    </div>
  `,
})
export class PupilPickerComponent {
  private readonly api = inject(CollectionApi);

  readonly schoolId = input.required<string>();
  readonly inputId = input('pupil-picker');
  /** Focus the box when shown: the payment entry starts here. */
  readonly autofocus = input(false);
  readonly picked = output<StudentSummary>();

  protected readonly minQuery = MIN_QUERY;
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly active = signal(0);
  protected readonly searched = signal(false);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  protected readonly suggestions = toSignal(
    this.query.valueChanges.pipe(
      map((q) => q.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < MIN_QUERY
          ? of([] as StudentSummary[])
          : this.api.searchPupils(this.schoolId(), q).pipe(catchError(() => of([] as StudentSummary[]))),
      ),
      tap(() => {
        this.active.set(0);
        this.searched.set(true);
      }),
      takeUntilDestroyed(),
    ),
    { initialValue: [] as StudentSummary[] },
  );

  constructor() {
    effect(() => {
      if (this.autofocus()) this.box().nativeElement.focus();
    });
  }

  /** Clears the box and puts the cursor back in it, for the next pupil. */
  reset(): void {
    this.query.setValue('');
    this.searched.set(false);
    this.box().nativeElement.focus();
  }

  protected key(event: KeyboardEvent): void {
    const count = this.suggestions().length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      this.active.update((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      this.active.update((i) => (i - 1 + count) % count);
    } else if (event.key === 'Enter' && count > 0) {
      event.preventDefault();
      this.take(this.suggestions()[this.active()]);
    }
  }

  protected take(pupil: StudentSummary): void {
    this.picked.emit(pupil);
  }
}
