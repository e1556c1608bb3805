import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { OrgUnitAdminDetail } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationApi } from '../data-access/organisation.api';
import { currentPeriod } from '../model/move-plan';
import { UnitBadgesComponent } from '../ui/unit-badges.component';
import { UnitCloseDialogComponent } from '../ui/close-dialog.component';
import { UnitFormDialogComponent } from '../ui/unit-form-dialog.component';
import { UnitMoveDialogComponent } from '../ui/move-dialog.component';

type Tab = 'particulars' | 'history';
const TABS: readonly Tab[] = ['particulars', 'history'];
type Action = 'edit' | 'move' | 'close' | 'reopen';

/**
 * One unit or school: its particulars and its parent history (every period, the one in force marked, a pending move
 * shown as such). The department corrects, moves, closes and reopens it from here.
 */
@Component({
  selector: 'emis-unit-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    UnitBadgesComponent,
    UnitFormDialogComponent,
    UnitMoveDialogComponent,
    UnitCloseDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './unit-detail.page.html',
  styleUrl: './unit-detail.page.css',
})
export class UnitDetailPage {
  private readonly api = inject(OrganisationApi);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly id = input.required<string>();

  protected readonly tabs = TABS;
  protected readonly today = todayInVietnam();
  protected readonly canManage = computed(() => this.auth.can('org.manage'));
  protected readonly detail = loadOnChange(
    () => this.id(),
    (id) => this.api.get(id),
  );
  /** The move dialog's targets: loaded when it first opens. */
  protected readonly units = loadOnChange(
    () => (this.action() === 'move' ? true : undefined),
    () => this.api.allUnits(),
  );
  protected readonly tab = signal<Tab>('particulars');
  protected readonly action = signal<Action | null>(null);
  protected readonly saved = signal(false);
  protected readonly notFound = computed(() => this.detail.error()?.status === 404);
  /** Latest first: the pending period (if any) on top, then the one in force, then the past. */
  protected readonly periods = computed(() => {
    const unit = this.detail.value();
    if (!unit) return [];
    const now = currentPeriod(unit.history, this.today);
    return [...unit.history]
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
      .map((period) => ({
        period,
        state: period === now ? 'inForce' : period.validFrom > this.today ? 'pending' : null,
        lastDay: period.validTo ? previousDay(period.validTo) : null,
      }));
  });

  protected selectTab(tab: Tab): void {
    this.tab.set(tab);
  }

  /** Arrow keys move between the tabs (WAI-ARIA tabs pattern, automatic activation). */
  protected onTabKey(event: KeyboardEvent): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(this.tab()) + step + TABS.length) % TABS.length];
    this.tab.set(next);
    this.document.getElementById(`unit-tab-${next}`)?.focus();
  }

  protected onDone(_unit: OrgUnitAdminDetail): void {
    this.action.set(null);
    this.saved.set(true);
    // Read the detail again rather than trust the answer's shape: a move or close changes the history too.
    this.detail.reload();
    // The switcher and the closed-school banner follow the tree of today.
    this.orgUnits.reloadTree().subscribe({ error: () => undefined });
  }
}

/** The last day of a period whose exclusive end is `validTo`. */
function previousDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
