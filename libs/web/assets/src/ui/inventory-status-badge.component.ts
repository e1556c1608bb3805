import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { InventoryStatus } from '@emis/domain';
import { TranslocoPipe } from '@jsverse/transloco';

const TONE: Record<InventoryStatus, string> = {
  OPEN: 'badge-warning',
  CLOSED: 'badge-neutral',
  APPROVED: 'badge-success',
};

/** An inventory's status as a coloured badge with its words (the colour is never the only cue). */
@Component({
  selector: 'emis-inventory-status-badge',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="tone()" data-testid="inventory-status" [attr.data-status]="status()">{{
    'assets.operations.inventoryStatus.' + status() | transloco
  }}</span>`,
})
export class InventoryStatusBadgeComponent {
  readonly status = input.required<InventoryStatus>();
  protected readonly tone = computed(() => `badge ${TONE[this.status()]}`);
}
