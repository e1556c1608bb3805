import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { OrgUnitAdminDetail, OrgUnitAdminItem, ProblemDetails } from '@emis/contracts';
import { SCHOOL_LEVELS, SCHOOL_OWNERSHIPS, SchoolLevel, todayInVietnam } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, FieldMessageComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { OrganisationApi } from '../data-access/organisation.api';
import {
  emptyUnitForm,
  NAME_MAX_LENGTH,
  REASON_MAX_LENGTH,
  toCreate,
  toggleLevel,
  toUpdate,
  unitFormErrors,
  UnitFormValue,
  unitFormOf,
} from '../model/unit-form';

const FIELDS = [
  'kind',
  'code',
  'name',
  'parentId',
  'levels',
  'ownership',
  'address',
  'commune',
  'effectiveFrom',
  'reason',
];

/**
 * Adds a unit or school (every particular, the parent, the day it opens) or corrects one (with a reason for the
 * audit; the parent is changed by a move, not here). Common slips show under their fields before sending; the
 * server's field errors (a code already taken, a closed parent) show the same way.
 */
@Component({
  selector: 'emis-unit-form-dialog',
  imports: [TranslocoPipe, DialogComponent, FieldMessageComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './unit-dialog.css',
  templateUrl: './unit-form-dialog.component.html',
})
export class UnitFormDialogComponent implements OnInit {
  private readonly api = inject(OrganisationApi);

  /** Create: the kind to add and the parent to start from. Edit: the unit as it is. */
  readonly kind = input<'UNIT' | 'SCHOOL'>('SCHOOL');
  readonly parentId = input('');
  readonly unit = input<OrgUnitAdminItem | null>(null);
  /** The open departments and units a new one may go under. */
  readonly parents = input<OrgUnitAdminItem[]>([]);
  readonly saved = output<OrgUnitAdminDetail>();
  readonly cancelled = output<void>();

  protected readonly levels = SCHOOL_LEVELS;
  protected readonly ownerships = SCHOOL_OWNERSHIPS;
  protected readonly nameMax = NAME_MAX_LENGTH;
  protected readonly reasonMax = REASON_MAX_LENGTH;
  protected readonly mode = computed(() => (this.unit() ? 'edit' : 'create'));
  protected readonly value = signal<UnitFormValue>(emptyUnitForm('SCHOOL', '', todayInVietnam()));
  /** The form as it opened: anything else is typed and not saved (closing asks, the page is guarded). */
  private readonly opened = signal<UnitFormValue | null>(null);
  protected readonly unsaved = computed(() => {
    const opened = this.opened();
    return opened !== null && JSON.stringify(this.value()) !== JSON.stringify(opened);
  });
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly nothingChanged = signal(false);
  protected readonly localErrors = computed(() => (this.tried() ? unitFormErrors(this.value(), this.mode()) : {}));
  protected readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  /** The alert only when something is not said under a field already (a code taken is said under the code). */
  protected readonly alert = computed(() => {
    const problem = this.problem();
    const errors = problem?.errors ?? [];
    return errors.length > 0 && errors.every((e) => FIELDS.includes(e.field)) ? null : problem;
  });
  protected readonly shownFields = FIELDS;
  protected readonly heading = computed(() => {
    const unit = this.unit();
    if (unit) return { key: 'organisation.form.edit', params: { name: unit.name } };
    return {
      key: this.value().kind === 'SCHOOL' ? 'organisation.form.createSchool' : 'organisation.form.createUnit',
      params: {},
    };
  });

  ngOnInit(): void {
    const unit = this.unit();
    this.value.set(unit ? unitFormOf(unit) : emptyUnitForm(this.kind(), this.parentId(), todayInVietnam()));
    this.opened.set(this.value());
  }

  protected patch(change: Partial<UnitFormValue>): void {
    this.value.update((value) => ({ ...value, ...change }));
    this.nothingChanged.set(false);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  protected toggle(level: SchoolLevel, event: Event): void {
    this.patch({ levels: toggleLevel(this.value().levels, level, (event.target as HTMLInputElement).checked) });
  }

  /** The key of a local refusal, else the server's message for the field (marked "!", see FieldMessageComponent). */
  protected errorOf(field: keyof UnitFormValue): string | null {
    const local = this.localErrors()[field];
    if (local) return `organisation.form.errors.${local}`;
    const server = this.serverErrors()[field];
    return server ? `!${server}` : null;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.tried.set(true);
    if (Object.keys(unitFormErrors(this.value(), this.mode())).length > 0) return;
    const request = this.request();
    if (!request) {
      this.nothingChanged.set(true);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (unit) => this.saved.emit(unit),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  private request(): Observable<OrgUnitAdminDetail> | null {
    const unit = this.unit();
    if (!unit) return this.api.create(toCreate(this.value()));
    const update = toUpdate(unit, this.value());
    return update ? this.api.update(unit.id, update) : null;
  }
}
