import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { foldVietnamese } from '@emis/domain';
import { ProblemDetails, StaffTransferRequest } from '@emis/contracts';
import { fieldErrorMap, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { ConfirmDialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The department's transfer of a staff member to another school (a personnel decision): pick the receiving
 * school, the effective date and the decision number; the dialog states who moves where before anything happens.
 */
@Component({
  selector: 'emis-staff-transfer',
  imports: [TranslocoPipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .field {
      margin-bottom: 0.5rem;
    }
    .options {
      max-height: 12rem;
      overflow: auto;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
    }
    .options button {
      display: block;
      width: 100%;
      text-align: left;
      padding: 0.375rem 0.625rem;
      border: 0;
      background: none;
      font: inherit;
      cursor: pointer;
    }
    .options button:hover,
    .options button[aria-pressed='true'] {
      background: var(--primary-soft);
    }
    .summary {
      margin: 0.75rem 0 0;
      font-weight: 600;
    }
  `,
  template: `
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="open()"
      [title]="'staff.transfer.title' | transloco"
      [confirmLabel]="'staff.transfer.confirm' | transloco"
      [busy]="busy()"
      [confirmDisabled]="!valid()"
      testId="staff-transfer"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="transfer-school-search">{{ 'staff.transfer.school' | transloco }}</label>
        <input
          id="transfer-school-search"
          class="input"
          type="search"
          [value]="query()"
          (input)="query.set($any($event.target).value)"
          [attr.placeholder]="'staff.transfer.schoolSearch' | transloco"
          data-testid="staff-transfer-search"
        />
        <ul class="options" [attr.aria-label]="'staff.transfer.school' | transloco">
          @for (school of schools(); track school.id) {
            <li>
              <button
                type="button"
                [attr.aria-pressed]="toSchoolId() === school.id"
                (click)="toSchoolId.set(school.id)"
                data-testid="staff-transfer-school"
              >
                {{ school.name }} <span class="muted">· {{ school.code }}</span>
              </button>
            </li>
          }
        </ul>
        <p class="field-error">{{ errors()['toSchoolId'] }}</p>
      </div>
      <div class="field">
        <label for="transfer-date">{{ 'staff.transfer.effectiveOn' | transloco }}</label>
        <input
          id="transfer-date"
          class="input"
          emisDateInput
          [isoValue]="effectiveOn()"
          (isoInput)="effectiveOn.set($event)"
          data-testid="staff-transfer-date"
        />
        <p class="field-error">{{ errors()['effectiveOn'] }}</p>
      </div>
      <div class="field">
        <label for="transfer-decision">{{ 'staff.transfer.decisionNumber' | transloco }}</label>
        <input
          id="transfer-decision"
          class="input"
          type="text"
          maxlength="50"
          placeholder="1234/QĐ-SGDĐT"
          [value]="decisionNumber()"
          (input)="decisionNumber.set($any($event.target).value)"
          data-testid="staff-transfer-decision"
        />
        <p class="field-error">{{ errors()['decisionNumber'] }}</p>
      </div>
      @if (target(); as school) {
        <p class="summary" data-testid="staff-transfer-summary">
          {{ 'staff.transfer.summary' | transloco: { name: staffName(), school: school.name } }}
        </p>
      }
      <emis-problem-alert
        [problem]="problem()"
        [shownFields]="['toSchoolId', 'effectiveOn', 'decisionNumber']"
        testId="staff-transfer-error"
      />
    </emis-confirm-dialog>
  `,
})
export class StaffTransferComponent {
  private readonly orgUnits = inject(OrgUnitContext);

  readonly open = input(false);
  readonly staffName = input.required<string>();
  readonly fromSchoolId = input.required<string>();
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly transfer = output<StaffTransferRequest>();
  readonly cancelled = output<void>();

  protected readonly query = signal('');
  protected readonly toSchoolId = signal<string | null>(null);
  protected readonly effectiveOn = signal('');
  protected readonly decisionNumber = signal('');
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () =>
      this.toSchoolId() !== null ||
      this.query().trim() !== '' ||
      this.effectiveOn() !== '' ||
      this.decisionNumber().trim() !== '',
  );
  protected readonly schools = computed(() => {
    const words = foldVietnamese(this.query()).split(/\s+/).filter(Boolean);
    return this.orgUnits
      .tree()
      .filter((n) => n.kind === 'SCHOOL' && n.id !== this.fromSchoolId())
      .filter((n) => words.every((w) => foldVietnamese(`${n.name} ${n.code}`).includes(w)))
      .slice(0, 30);
  });
  protected readonly target = computed(() => this.orgUnits.nodesById().get(this.toSchoolId() ?? '') ?? null);
  protected readonly valid = computed(
    () => !!this.toSchoolId() && /^\d{4}-\d{2}-\d{2}$/.test(this.effectiveOn()) && this.decisionNumber().trim() !== '',
  );

  constructor() {
    this.orgUnits.loadTree().subscribe({ error: () => undefined });
  }

  protected submit(): void {
    const toSchoolId = this.toSchoolId();
    if (!this.valid() || !toSchoolId) return;
    this.transfer.emit({ toSchoolId, effectiveOn: this.effectiveOn(), decisionNumber: this.decisionNumber().trim() });
  }
}
