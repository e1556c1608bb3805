import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ProblemDetails, StudentDetail, StudentTransfer, TransferTarget } from '@emis/contracts';
import { EmisDatePipe, fieldErrorMap, OrgUnitContext, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, finalize, of, switchMap } from 'rxjs';
import { TransfersApi } from '../data-access/transfers.api';
import { todayInVietnam } from '@emis/domain';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Releases the student to another school of the province. The receiving school must accept before the student
 * leaves this school's list; until then the release can be cancelled.
 */
@Component({
  selector: 'emis-transfer-dialog',
  imports: [TranslocoPipe, EmisDatePipe, DialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './transfer-dialog.component.html',
  styles: `
    .targets {
      max-height: 14rem;
      overflow-y: auto;
      margin: 0.25rem 0 0.75rem;
      padding: 0;
      list-style: none;
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    .targets li + li {
      border-top: 1px solid var(--border);
    }
    .target {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      padding: 0.5rem 0.75rem;
      cursor: pointer;
    }
    .target:hover {
      background: var(--surface-muted);
    }
    .plain-fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .confirm-text {
      font-weight: 600;
    }
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class TransferDialogComponent {
  private readonly api = inject(TransfersApi);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly schoolId = input.required<string>();
  readonly student = input.required<StudentDetail>();
  readonly done = output<StudentTransfer>();
  readonly cancelled = output<void>();

  protected readonly query = signal('');
  protected readonly targets = signal<TransferTarget[]>([]);
  protected readonly searching = signal(false);
  protected readonly target = signal<TransferTarget | null>(null);
  private readonly today = todayInVietnam();
  protected readonly effectiveOn = signal(this.today);
  protected readonly reason = signal('');
  protected readonly valid = computed(
    () => !!this.target() && this.effectiveOn() !== '' && this.reason().trim() !== '',
  );
  protected readonly busy = signal(false);
  /** Typed or chosen and not sent: closing asks first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () =>
      !!this.target() || this.query().trim() !== '' || this.effectiveOn() !== this.today || this.reason().trim() !== '',
  );
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  constructor() {
    toObservable(this.query)
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((q) => {
          this.searching.set(true);
          return this.api.targets(q.trim()).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of([] as TransferTarget[]);
            }),
            finalize(() => this.searching.set(false)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((targets) => {
        const own = this.orgUnits.currentSchoolId();
        this.targets.set(targets.filter((t) => t.id !== own));
      });
  }

  protected confirm(): void {
    const target = this.target();
    if (!target || !this.valid()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .release(this.schoolId(), this.student().id, {
        toSchoolId: target.id,
        effectiveOn: this.effectiveOn(),
        reason: this.reason().trim(),
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (transfer) => this.done.emit(transfer),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
