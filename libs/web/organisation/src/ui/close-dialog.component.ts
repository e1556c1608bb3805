import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { OrgUnitAdminDetail, ProblemDetails } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, FieldMessageComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { OrganisationApi } from '../data-access/organisation.api';
import { REASON_MAX_LENGTH, reasonError } from '../model/unit-form';

/**
 * Closes a unit or school from a date (not after today), or opens a closed one again; both with a reason for the
 * audit. A closed school keeps its data, read-only; the warning says so before anything is sent.
 */
@Component({
  selector: 'emis-unit-close-dialog',
  imports: [TranslocoPipe, ConfirmDialogComponent, FieldMessageComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './unit-dialog.css',
  template: `
    @let closing = action() === 'close';
    <emis-confirm-dialog
      [open]="true"
      [title]="(closing ? 'organisation.close.title' : 'organisation.reopen.title') | transloco: { name: unit().name }"
      [confirmLabel]="(closing ? 'organisation.close.submit' : 'organisation.reopen.submit') | transloco"
      [danger]="closing"
      [busy]="busy()"
      [unsaved]="unsaved()"
      [confirmDisabled]="closing && !closedOn()"
      [testId]="closing ? 'unit-close' : 'unit-reopen'"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <p class="alert alert-warning">
        {{ (closing ? 'organisation.close.warning' : 'organisation.reopen.text') | transloco }}
      </p>
      <div class="field-row">
        @if (closing) {
          <div class="field">
            <label for="close-date">{{ 'organisation.close.closedOn' | transloco }}</label>
            <input
              id="close-date"
              class="input"
              emisDateInput
              [max]="today"
              aria-describedby="close-date-hint close-date-error"
              [isoValue]="closedOn()"
              (isoInput)="closedOn.set($event)"
              data-testid="close-date"
            />
            <p class="field-hint" id="close-date-hint">{{ 'organisation.close.closedOnHint' | transloco }}</p>
            <p class="field-error" id="close-date-error" aria-live="polite">
              <emis-field-message [message]="errors()['closedOn'] ? '!' + errors()['closedOn'] : null" />
            </p>
          </div>
        }
        <div class="field">
          <label for="close-decision">{{ 'organisation.close.decisionNo' | transloco }}</label>
          <input
            id="close-decision"
            class="input"
            autocomplete="off"
            maxlength="60"
            [value]="decisionNo()"
            (input)="decisionNo.set(text($event))"
            data-testid="close-decision"
          />
        </div>
      </div>
      <div class="field">
        <label for="close-reason">{{ 'organisation.close.reason' | transloco }}</label>
        <textarea
          id="close-reason"
          class="input"
          [attr.maxlength]="reasonMax"
          aria-describedby="close-reason-error"
          [value]="reason()"
          (input)="reason.set(text($event))"
          data-testid="close-reason"
        ></textarea>
        <p class="field-error" id="close-reason-error" aria-live="polite">
          <emis-field-message [message]="reasonMessage()" />
        </p>
      </div>
      <emis-problem-alert [problem]="problem()" [shownFields]="['closedOn', 'reason']" testId="unit-close-error" />
    </emis-confirm-dialog>
  `,
})
export class UnitCloseDialogComponent {
  private readonly api = inject(OrganisationApi);

  readonly unit = input.required<OrgUnitAdminDetail>();
  readonly action = input.required<'close' | 'reopen'>();
  readonly done = output<OrgUnitAdminDetail>();
  readonly cancelled = output<void>();

  protected readonly today = todayInVietnam();
  protected readonly reasonMax = REASON_MAX_LENGTH;
  protected readonly closedOn = signal(this.today);
  protected readonly decisionNo = signal('');
  protected readonly reason = signal('');
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Typed and not sent: closing the dialog asks first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () => this.closedOn() !== this.today || this.decisionNo().trim() !== '' || this.reason().trim() !== '',
  );
  protected readonly reasonMessage = computed(() => {
    const local = this.tried() ? reasonError(this.reason()) : null;
    if (local) return `organisation.form.errors.${local}`;
    const server = this.errors()['reason'];
    return server ? `!${server}` : null;
  });

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected submit(): void {
    this.tried.set(true);
    if (reasonError(this.reason())) return;
    this.busy.set(true);
    this.problem.set(null);
    this.request()
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (unit) => this.done.emit(unit),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private request(): Observable<OrgUnitAdminDetail> {
    const id = this.unit().id;
    const reason = this.reason().trim();
    const decisionNo = this.decisionNo().trim();
    const decision = decisionNo ? { decisionNo } : {};
    if (this.action() === 'reopen') return this.api.reopen(id, { reason, ...decision });
    return this.api.close(id, { closedOn: this.closedOn(), reason, ...decision });
  }
}
