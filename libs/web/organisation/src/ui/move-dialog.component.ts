import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { OrgUnitAdminDetail, OrgUnitAdminItem, ProblemDetails } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, EmisDatePipe, FieldMessageComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OrganisationApi } from '../data-access/organisation.api';
import { earliestMoveDate, matchTargets, moveTargets, moveTiming } from '../model/move-plan';
import { REASON_MAX_LENGTH, reasonError } from '../model/unit-form';

/**
 * Moves a school (or a unit with its schools) under another unit from a date, with the decision and a reason. The
 * dialog says what will happen before anything is sent: from that day the new unit's officers see the school; a
 * past date regroups the reports from then, a future one leaves the move pending.
 */
@Component({
  selector: 'emis-unit-move-dialog',
  imports: [
    TranslocoPipe,
    EmisDatePipe,
    ConfirmDialogComponent,
    FieldMessageComponent,
    ProblemAlertComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './unit-dialog.css',
  templateUrl: './move-dialog.component.html',
})
export class UnitMoveDialogComponent {
  private readonly api = inject(OrganisationApi);

  readonly unit = input.required<OrgUnitAdminDetail>();
  /** Every department and unit of the scope, closed ones too (they are filtered out here). */
  readonly units = input.required<OrgUnitAdminItem[]>();
  readonly done = output<OrgUnitAdminDetail>();
  readonly cancelled = output<void>();

  protected readonly today = todayInVietnam();
  protected readonly reasonMax = REASON_MAX_LENGTH;
  protected readonly filter = signal('');
  protected readonly targetId = signal('');
  protected readonly effectiveFrom = signal(this.today);
  protected readonly decisionNo = signal('');
  protected readonly reason = signal('');
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly targets = computed(() => moveTargets(this.units(), this.unit()));
  protected readonly shownTargets = computed(() => matchTargets(this.targets(), this.filter(), this.targetId()));
  protected readonly target = computed(() => this.targets().find((t) => t.id === this.targetId()) ?? null);
  protected readonly earliest = computed(() => earliestMoveDate(this.unit(), this.today));
  protected readonly timing = computed(() => moveTiming(this.effectiveFrom(), this.today));
  protected readonly reasonProblem = computed(() => (this.tried() ? reasonError(this.reason()) : null));
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Chosen or typed and not sent (the search box alone is not): closing asks first, the page is guarded. */
  protected readonly unsaved = computed(
    () =>
      this.targetId() !== '' ||
      this.effectiveFrom() !== this.today ||
      this.decisionNo().trim() !== '' ||
      this.reason().trim() !== '',
  );
  protected readonly ready = computed(() => !!this.target() && this.effectiveFrom() !== '');

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  protected submit(): void {
    this.tried.set(true);
    const target = this.target();
    if (!target || this.reasonProblem()) return;
    this.busy.set(true);
    this.problem.set(null);
    const decisionNo = this.decisionNo().trim();
    this.api
      .move(this.unit().id, {
        parentId: target.id,
        effectiveFrom: this.effectiveFrom(),
        reason: this.reason().trim(),
        ...(decisionNo ? { decisionNo } : {}),
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (unit) => this.done.emit(unit),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
