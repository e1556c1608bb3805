import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DEFAULT_PAGE_SIZE, ProblemDetails, SECURITY_EVENT_KINDS, SecurityEvent } from '@emis/contracts';
import { EmisDatePipe, EmisNumberPipe, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { PaginatorComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { SecurityEventsApi } from '../data-access/security-events.api';
import { NO_FILTERS, queryOf, SecurityFilters } from './security-filters';

/**
 * The department administrator's security events (docs/security/coverage.md): refused attempts on other schools'
 * objects or other roles' routes, bursts of them, budgets exceeded, anchors broken. Alerts are marked; acknowledging
 * one records who looked at it, and takes it off the home page's count.
 */
@Component({
  selector: 'emis-security-events-page',
  imports: [TranslocoPipe, EmisDatePipe, EmisNumberPipe, ProblemAlertComponent, PaginatorComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './security-events.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class SecurityEventsPage {
  private readonly api = inject(SecurityEventsApi);

  protected readonly kinds = SECURITY_EVENT_KINDS;
  protected readonly filters = signal<SecurityFilters>(NO_FILTERS);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly filtered = computed(() => JSON.stringify(this.filters()) !== JSON.stringify(NO_FILTERS));
  protected readonly events = loadOnChange(
    () => ({ ...queryOf(this.filters()), page: this.page(), pageSize: this.pageSize() }),
    (request) => this.api.list(request),
  );

  protected readonly busyId = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected setFilter<K extends keyof SecurityFilters>(key: K, value: SecurityFilters[K]): void {
    this.filters.update((f) => ({ ...f, [key]: value }));
    this.page.set(1);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  /** Narrows the list to the events of one user (their name in a row is the way in). */
  protected byUser(e: SecurityEvent): void {
    if (e.userId) this.setFilter('userId', e.userId);
  }

  protected clear(): void {
    this.filters.set(NO_FILTERS);
    this.page.set(1);
  }

  protected acknowledge(e: SecurityEvent): void {
    this.busyId.set(e.id);
    this.problem.set(null);
    this.api
      .acknowledge(e.id)
      .pipe(finalize(() => this.busyId.set(null)))
      .subscribe({
        next: () => this.events.reload(),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** The detail worth a glance: the permission or rule refused, or how many refusals made a burst. */
  protected detailOf(e: SecurityEvent): string {
    return Object.entries(e.detail)
      .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(', ');
  }
}
