import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetDetail, ProblemDetails } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { EmisDatePipe, fieldErrorMap, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AssetsApi } from '../../data-access/assets.api';
import { OperationsApi } from '../../data-access/operations.api';

/** Moves the asset to another room of the school; the move is dated and kept in the asset's history. */
@Component({
  selector: 'emis-asset-move-dialog',
  imports: [TranslocoPipe, EmisDatePipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './asset-dialog.css',
  template: `
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="true"
      [title]="'assets.operations.move.title' | transloco"
      [confirmLabel]="'assets.operations.move.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="!target() || effectiveOn() === ''"
      testId="asset-move"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="asset-move-location">{{ 'assets.operations.move.location' | transloco }}</label>
        <select
          id="asset-move-location"
          class="select"
          (change)="locationId.set($any($event.target).value)"
          data-testid="asset-move-location"
        >
          <option value="">{{ 'assets.operations.move.chooseLocation' | transloco }}</option>
          @for (l of choices(); track l.id) {
            <option [value]="l.id">{{ 'assets.operations.roomLabel' | transloco: l }}</option>
          }
        </select>
        <p class="field-error" aria-live="polite">{{ errors()['locationId'] }}</p>
      </div>
      <div class="field">
        <label for="asset-move-date">{{ 'assets.operations.fields.effectiveOn' | transloco }}</label>
        <input
          id="asset-move-date"
          class="input"
          emisDateInput
          [isoValue]="effectiveOn()"
          (isoInput)="effectiveOn.set($event)"
          data-testid="asset-move-date"
        />
        <p class="field-error" aria-live="polite">{{ errors()['effectiveOn'] }}</p>
      </div>
      <div class="field">
        <label for="asset-move-responsible">{{ 'assets.operations.move.responsible' | transloco }}</label>
        <input
          id="asset-move-responsible"
          class="input"
          maxlength="200"
          [value]="responsible()"
          (input)="responsible.set($any($event.target).value)"
          data-testid="asset-move-responsible"
        />
      </div>
      @if (target(); as to) {
        <p class="consequence" data-testid="asset-move-summary">
          {{
            'assets.operations.move.confirm'
              | transloco
                : {
                    name: asset().name,
                    code: asset().code,
                    from: asset().location
                      ? ('assets.operations.roomLabel' | transloco: asset().location ?? {})
                      : ('assets.operations.move.nowhere' | transloco),
                    to: ('assets.operations.roomLabel' | transloco: to),
                    date: (effectiveOn() | emisDate),
                  }
          }}
        </p>
      }
      <emis-problem-alert
        [problem]="problem()"
        [shownFields]="['locationId', 'effectiveOn']"
        testId="asset-move-error"
      />
    </emis-confirm-dialog>
  `,
})
export class AssetMoveDialogComponent {
  private readonly api = inject(OperationsApi);
  private readonly register = inject(AssetsApi);

  readonly schoolId = input.required<string>();
  readonly asset = input.required<AssetDetail>();
  readonly done = output<void>();
  readonly cancelled = output<void>();

  private readonly locations = loadOnChange(
    () => this.schoolId(),
    (schoolId) => this.register.locations(schoolId),
  );
  protected readonly choices = computed(() =>
    (this.locations.value() ?? []).filter((l) => l.id !== this.asset().location?.id),
  );
  protected readonly locationId = signal('');
  protected readonly target = computed(() => this.choices().find((l) => l.id === this.locationId()) ?? null);
  private readonly today = todayInVietnam();
  protected readonly effectiveOn = signal(this.today);
  protected readonly responsible = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () => this.locationId() !== '' || this.effectiveOn() !== this.today || this.responsible().trim() !== '',
  );
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected submit(): void {
    const target = this.target();
    if (!target) return;
    this.busy.set(true);
    this.problem.set(null);
    const responsible = this.responsible().trim();
    this.api
      .move(this.schoolId(), this.asset().id, {
        locationId: target.id,
        effectiveOn: this.effectiveOn(),
        ...(responsible ? { responsible } : {}),
        version: this.asset().version,
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => this.done.emit(),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
