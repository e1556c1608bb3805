import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AssetInventory, ProblemDetails } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  fieldErrorMap,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../data-access/operations.api';
import { InventoryStatusBadgeComponent } from '../ui/inventory-status-badge.component';

/**
 * The school's inventories, newest first, and "open an inventory": every asset on the books at that moment becomes
 * a line to count. One inventory is open at a time: it is the count of one moment (docs/domain/assets.md).
 */
@Component({
  selector: 'emis-inventory-list-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    InventoryStatusBadgeComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inventory-list.page.html',
  styles: `
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .nowrap {
      white-space: nowrap;
    }
    .field-row {
      display: grid;
      grid-template-columns: 8rem 1fr;
      gap: 0 0.75rem;
    }
  `,
})
export class InventoryListPage {
  private readonly api = inject(OperationsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  private readonly auth = inject(AuthStore);
  protected readonly canOpen = computed(() => this.auth.can('assets.manage'));

  protected readonly inventories = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.api.inventories(schoolId),
  );
  protected readonly sorted = computed(() =>
    [...(this.inventories.value() ?? [])].sort((a, b) => b.year - a.year || b.countDate.localeCompare(a.countDate)),
  );
  protected readonly openOne = computed(() => this.sorted().find((i) => i.status === 'OPEN') ?? null);

  protected readonly opening = signal(false);
  protected readonly year = signal(new Date().getFullYear());
  protected readonly title = signal('');
  protected readonly countDate = signal(todayInVietnam());
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  protected readonly valid = computed(
    () => Number.isInteger(this.year()) && this.title().trim() !== '' && this.countDate() !== '',
  );

  /** What the dialog opened with: anything else is typed and not sent (Cancel and Escape ask first). */
  private readonly openedWith = signal('');
  protected readonly unsaved = computed(
    () => JSON.stringify([this.year(), this.title(), this.countDate()]) !== this.openedWith(),
  );

  protected startOpening(): void {
    const year = Number(todayInVietnam().slice(0, 4));
    this.year.set(year);
    this.title.set(this.transloco.translate('assets.operations.inventories.defaultTitle', { year }));
    this.countDate.set(todayInVietnam());
    this.openedWith.set(JSON.stringify([this.year(), this.title(), this.countDate()]));
    this.problem.set(null);
    this.opening.set(true);
  }

  protected open(): void {
    const schoolId = this.schoolId();
    if (!schoolId || !this.valid()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .openInventory(schoolId, { year: this.year(), title: this.title().trim(), countDate: this.countDate() })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (inventory: AssetInventory) => {
          this.opening.set(false);
          void this.router.navigate(['/assets/inventories', inventory.id]);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
