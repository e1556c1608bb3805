import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetInventory, ProblemDetails } from '@emis/contracts';
import { EmisNumberPipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../data-access/operations.api';
import { Differences } from './inventory-lines';

/**
 * Approves the inventory under a decision: before confirming, the head sees every shortfall (written off as a loss,
 * or a lower quantity of tools) and every surplus (a new asset) that approval records in the books at once.
 */
@Component({
  selector: 'emis-inventory-approve-dialog',
  imports: [TranslocoPipe, EmisNumberPipe, ConfirmDialogComponent, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      --dialog-width: 40rem;
    }
    .differences {
      max-height: 16rem;
      overflow: auto;
      margin: 0.25rem 0 0.75rem;
      padding-left: 1.25rem;
    }
    h3 {
      margin: 0.75rem 0 0;
      font-size: 1rem;
    }
  `,
  template: `
    <emis-confirm-dialog
      [open]="true"
      [title]="'assets.operations.inventory.approve.title' | transloco"
      [confirmLabel]="'assets.operations.inventory.approve.submit' | transloco"
      [busy]="busy()"
      [confirmDisabled]="decisionNumber().trim() === ''"
      [unsaved]="decisionNumber().trim() !== ''"
      testId="inventory-approve"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      @if (differences().shortfalls.length + differences().surpluses.length === 0) {
        <p data-testid="inventory-approve-none">{{ 'assets.operations.inventory.approve.none' | transloco }}</p>
      } @else {
        <p>{{ 'assets.operations.inventory.approve.intro' | transloco }}</p>
        @if (differences().shortfalls; as shortfalls) {
          @if (shortfalls.length > 0) {
            <h3>{{ 'assets.operations.inventory.approve.shortfalls' | transloco: { count: shortfalls.length } }}</h3>
            <ul class="differences" data-testid="inventory-approve-shortfalls">
              @for (d of shortfalls; track d.lineId) {
                <li data-testid="inventory-approve-shortfall">
                  {{
                    'assets.operations.inventory.approve.shortfallLine'
                      | transloco
                        : {
                            code: d.code ?? '',
                            name: d.name,
                            book: (d.bookQuantity | emisNumber),
                            counted: (d.countedQuantity | emisNumber),
                            difference: (d.difference | emisNumber),
                          }
                  }}
                </li>
              }
            </ul>
          }
        }
        @if (differences().surpluses; as surpluses) {
          @if (surpluses.length > 0) {
            <h3>{{ 'assets.operations.inventory.approve.surpluses' | transloco: { count: surpluses.length } }}</h3>
            <ul class="differences" data-testid="inventory-approve-surpluses">
              @for (d of surpluses; track d.lineId) {
                <li data-testid="inventory-approve-surplus">
                  {{
                    'assets.operations.inventory.approve.surplusLine'
                      | transloco
                        : {
                            name: d.name,
                            counted: (d.countedQuantity | emisNumber),
                            difference: (d.difference | emisNumber),
                          }
                  }}
                </li>
              }
            </ul>
          }
        }
      }
      @if (differences().uncounted > 0) {
        <p class="alert alert-warning">
          {{ 'assets.operations.inventory.approve.uncounted' | transloco: { count: differences().uncounted } }}
        </p>
      }
      <div class="field">
        <label for="inventory-decision">{{ 'assets.operations.fields.decisionNumber' | transloco }}</label>
        <input
          id="inventory-decision"
          class="input"
          maxlength="50"
          placeholder="45/QĐ-THCS"
          (input)="decisionNumber.set($any($event.target).value)"
          data-testid="inventory-decision"
        />
        <p class="field-error" aria-live="polite">{{ errors()['decisionNumber'] }}</p>
      </div>
      <emis-problem-alert [problem]="problem()" [shownFields]="['decisionNumber']" testId="inventory-approve-error" />
    </emis-confirm-dialog>
  `,
})
export class InventoryApproveDialogComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly inventory = input.required<AssetInventory>();
  readonly differences = input.required<Differences>();
  readonly done = output<AssetInventory>();
  readonly cancelled = output<void>();

  protected readonly decisionNumber = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected submit(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .approve(this.schoolId(), this.inventory().id, this.decisionNumber().trim())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (inventory) => this.done.emit(inventory),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
