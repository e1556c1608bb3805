import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetInventory, ProblemDetails } from '@emis/contracts';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../data-access/operations.api';

/** Ends the count: the committee who sign the inventory report, one name a line. Counting stops afterwards. */
@Component({
  selector: 'emis-inventory-close-dialog',
  imports: [TranslocoPipe, ConfirmDialogComponent, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <emis-confirm-dialog
      [open]="true"
      [title]="'assets.operations.inventory.close.title' | transloco"
      [confirmLabel]="'assets.operations.inventory.close.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="committee().length === 0"
      [unsaved]="text().trim() !== ''"
      testId="inventory-close"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="field">
        <label for="inventory-committee">{{ 'assets.operations.inventory.close.committee' | transloco }}</label>
        <textarea
          id="inventory-committee"
          class="input"
          rows="4"
          [attr.placeholder]="'assets.operations.inventory.close.committeePlaceholder' | transloco"
          (input)="text.set($any($event.target).value)"
          data-testid="inventory-committee"
        ></textarea>
        <p class="field-error" aria-live="polite">{{ errors()['committee'] }}</p>
      </div>
      @if (uncounted() > 0) {
        <p class="alert alert-warning" data-testid="inventory-close-uncounted">
          {{ 'assets.operations.inventory.close.uncounted' | transloco: { count: uncounted() } }}
        </p>
      }
      <p class="consequence">
        {{ 'assets.operations.inventory.close.confirm' | transloco: { count: committee().length } }}
      </p>
      <emis-problem-alert [problem]="problem()" [shownFields]="['committee']" testId="inventory-close-error" />
    </emis-confirm-dialog>
  `,
  styles: `
    .consequence {
      font-weight: 600;
    }
  `,
})
export class InventoryCloseDialogComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly inventory = input.required<AssetInventory>();
  readonly uncounted = input(0);
  readonly done = output<AssetInventory>();
  readonly cancelled = output<void>();

  protected readonly text = signal('');
  protected readonly committee = computed(() =>
    this.text()
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected submit(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .close(this.schoolId(), this.inventory().id, this.committee())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (inventory) => this.done.emit(inventory),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
