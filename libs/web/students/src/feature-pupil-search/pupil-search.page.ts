import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { StudentSearchHit } from '@emis/contracts';
import { EmisDatePipe, loadOnChange, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { tap } from 'rxjs';
import { StudentSearchApi } from '../data-access/student-search.api';
import { StatusBadgeComponent } from '../ui/status-badge.component';

const PAGE_SIZE = 20;

/**
 * Finding a pupil across the schools one may see (docs/domain/records.md, "Finding a pupil across schools"): a name
 * in any order, with or without diacritics, or an ID number. The question lives in the URL (?q=) so it survives the
 * back button from a pupil's record; the pages after the first are followed by the API's cursors, kept here as a
 * stack so "previous" returns to exactly the page seen.
 */
@Component({
  selector: 'emis-pupil-search-page',
  imports: [ReactiveFormsModule, TranslocoPipe, EmisDatePipe, ProblemAlertComponent, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pupil-search.page.html',
  styleUrl: './pupil-search.page.css',
})
export class PupilSearchPage implements OnInit {
  private readonly api = inject(StudentSearchApi);
  private readonly router = inject(Router);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly injector = inject(Injector);
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');

  readonly q = input<string>();
  protected readonly query = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(2), Validators.maxLength(100)],
  });
  /** The page shown: the cursor asked with, for the question it belongs to (a new question starts at page 1). */
  private readonly position = signal<{ q: string; cursor: string | undefined; before: string[] }>({
    q: '',
    cursor: undefined,
    before: [],
  });
  private readonly cursor = computed(() => (this.position().q === this.asked() ? this.position().cursor : undefined));
  protected readonly submitted = signal(false);
  protected readonly asked = computed(() => this.q()?.trim() ?? '');

  protected readonly result = loadOnChange(
    () => (this.asked().length >= 2 ? { q: this.asked(), cursor: this.cursor() } : undefined),
    ({ q, cursor }) =>
      this.api.search({ q, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }).pipe(tap(() => this.focusResults())),
  );
  protected readonly hits = computed(() => this.result.value()?.items ?? []);
  private readonly before = computed(() => (this.position().q === this.asked() ? this.position().before : []));
  protected readonly pageNumber = computed(() => this.before().length + 1);
  protected readonly hasPrevious = computed(() => this.before().length > 0);

  ngOnInit(): void {
    const initial = this.q();
    if (initial) this.query.setValue(initial);
  }

  protected find(): void {
    this.submitted.set(true);
    if (this.query.invalid) return;
    this.position.set({ q: '', cursor: undefined, before: [] });
    if (this.query.value.trim() === this.asked()) this.result.reload();
    void this.router.navigate([], { queryParams: { q: this.query.value.trim() }, replaceUrl: false });
  }

  protected next(): void {
    const next = this.result.value()?.nextCursor;
    if (!next) return;
    this.position.set({ q: this.asked(), cursor: next, before: [...this.before(), this.cursor() ?? ''] });
  }

  protected previous(): void {
    const stack = this.before();
    if (!stack.length) return;
    this.position.set({ q: this.asked(), cursor: stack.at(-1) || undefined, before: stack.slice(0, -1) });
  }

  /** Moves the focus to the results' heading once it is drawn, so a keyboard or screen-reader user lands on them. */
  private focusResults(): void {
    afterNextRender(() => this.resultsHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Opens the pupil's record at their school: the view switches to that school, as picking it in the switcher does. */
  protected open(hit: StudentSearchHit): void {
    this.orgUnits.select(hit.schoolId);
    void this.router.navigate(['/students', hit.id]);
  }
}
