import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { STATISTICAL_REPORT_KINDS } from '@emis/domain';
import {
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  toProblem,
  debounceUntilLeaving,
} from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { distinctUntilChanged, finalize, map } from 'rxjs';
import { StatisticalFormsApi } from '../data-access/statistical-forms.api';
import { isReportKind, REPORT_STATUSES, statusCounts } from './statistical-forms.model';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The department's or a unit's list of its schools and their report (about 1,000 for the province: loaded whole,
 * searched and filtered in the browser), with the reminder to those that have not submitted.
 */
@Component({
  selector: 'emis-submission-status',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    ConfirmDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-end;
    }
    .grow {
      flex: 1 1 14rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-left: auto;
    }
    textarea {
      width: 100%;
      min-height: 6rem;
    }
  `,
  templateUrl: './submission-status.component.html',
})
export class SubmissionStatusComponent {
  private readonly api = inject(StatisticalFormsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly yearId = input.required<string>();
  readonly yearCode = input.required<string>();
  readonly kind = input<string>();
  readonly q = input<string>();
  readonly status = input<string>();
  /** A unit's name: the department narrows the list to one unit's schools. */
  readonly unit = input<string>();

  protected readonly kinds = STATISTICAL_REPORT_KINDS;
  protected readonly statuses = REPORT_STATUSES;
  protected readonly currentKind = computed(() => {
    const kind = this.kind();
    return isReportKind(kind) ? kind : 'END_OF_YEAR';
  });
  protected readonly statusFilter = computed(() => REPORT_STATUSES.find((s) => s === this.status()));
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly rows = loadOnChange(
    () => ({ yearId: this.yearId(), kind: this.currentKind() }),
    (request) => this.api.status(request),
  );
  protected readonly visible = computed(() => {
    const q = (this.q() ?? '').trim().toLocaleLowerCase('vi');
    const status = this.statusFilter();
    const unit = this.unit();
    return (this.rows.value() ?? []).filter(
      (r) =>
        (!status || r.status === status) &&
        (!unit || r.parentName === unit) &&
        (!q || r.schoolName.toLocaleLowerCase('vi').includes(q) || r.schoolCode.toLocaleLowerCase('vi').includes(q)),
    );
  });
  protected readonly units = computed(() =>
    [...new Set((this.rows.value() ?? []).map((r) => r.parentName).filter((n): n is string => !!n))].sort((a, b) =>
      a.localeCompare(b, 'vi'),
    ),
  );
  protected readonly counts = computed(() => statusCounts(this.rows.value() ?? []));

  protected readonly reminding = signal(false);
  protected readonly sending = signal(false);
  protected readonly message = new FormControl('', { nonNullable: true });
  protected readonly remindProblem = signal<ProblemDetails | null>(null);
  protected readonly reminded = signal<number | null>(null);

  constructor() {
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (this.search.value.trim() !== q.trim()) this.search.setValue(q, { emitEvent: false });
      });
    });
    this.search.valueChanges
      .pipe(
        debounceUntilLeaving(SEARCH_DEBOUNCE_MS),
        map((v) => v.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.navigate({ q: q || null }, true));
  }

  protected changeFilter(name: 'kind' | 'status' | 'unit', event: Event): void {
    this.navigate({ [name]: (event.target as HTMLSelectElement).value || null });
  }

  protected openReminder(): void {
    const kind = this.transloco.translate(`reporting.forms.kind.${this.currentKind()}`).toLocaleLowerCase('vi');
    this.message.setValue(
      this.transloco.translate('reporting.forms.status_list.remindDefault', { kind, year: this.yearCode() }),
    );
    this.message.markAsPristine();
    this.remindProblem.set(null);
    this.reminding.set(true);
  }

  protected sendReminder(): void {
    this.sending.set(true);
    this.api
      .remind({
        yearId: this.yearId(),
        kind: this.currentKind(),
        orgUnitId: this.rootUnitId(),
        message: this.message.value,
      })
      .pipe(
        finalize(() => this.sending.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => {
          this.reminding.set(false);
          this.reminded.set(result.sent);
          this.rows.reload();
        },
        error: (error: unknown) => this.remindProblem.set(toProblem(error)),
      });
  }

  /** The unit in view (the caller's own or the one picked in the switcher): the reminder names it explicitly. */
  private rootUnitId(): string {
    return this.orgUnits.currentUnit()?.id ?? '';
  }

  private navigate(queryParams: Record<string, string | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
