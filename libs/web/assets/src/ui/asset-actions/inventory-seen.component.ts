import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AssetDetail, InventoryLine, ProblemDetails } from '@emis/contracts';
import { loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, map } from 'rxjs';
import { OperationsApi } from '../../data-access/operations.api';

/**
 * While the school's inventory is open, counts this asset as seen: a phone scanning the label's QR code lands on
 * the asset's page, and one tap counts it in the open inventory (the same count as the scan field of the count
 * screen). Shows nothing when no inventory is open.
 */
@Component({
  selector: 'emis-inventory-seen',
  imports: [TranslocoPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .seen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      padding: 0.75rem;
      margin-bottom: 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface-muted);
    }
    .seen-button {
      min-height: 3rem;
      padding-inline: 1.25rem;
      font-size: 1rem;
    }
    .seen p {
      margin: 0;
    }
  `,
  template: `
    @if (openInventory.value(); as inventory) {
      <div class="seen" data-testid="inventory-seen">
        <button
          type="button"
          class="btn btn-primary seen-button"
          [disabled]="busy()"
          (click)="count(inventory.id)"
          data-testid="inventory-seen-button"
        >
          {{ (busy() ? 'common.working' : 'assets.operations.seen.button') | transloco }}
        </button>
        <div aria-live="polite">
          @if (counted(); as line) {
            <p class="alert-title" data-testid="inventory-seen-done">
              {{
                'assets.operations.seen.done' | transloco: { counted: line.countedQuantity, book: line.bookQuantity }
              }}
            </p>
          } @else {
            <p class="muted">{{ 'assets.operations.seen.hint' | transloco: { title: inventory.title } }}</p>
          }
        </div>
        <emis-problem-alert [problem]="problem()" testId="inventory-seen-error" />
      </div>
    }
  `,
})
export class InventorySeenComponent {
  private readonly api = inject(OperationsApi);

  readonly schoolId = input.required<string>();
  readonly asset = input.required<AssetDetail>();

  protected readonly openInventory = loadOnChange(
    () => this.schoolId(),
    (schoolId) =>
      this.api.inventories(schoolId).pipe(map((all) => all.find((inventory) => inventory.status === 'OPEN') ?? null)),
  );
  protected readonly counted = signal<InventoryLine | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected count(inventoryId: string): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .scan(this.schoolId(), inventoryId, this.asset().code)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (line) => this.counted.set(line),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
