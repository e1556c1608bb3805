import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@emis/contracts';
import { EmisNumberPipe, loadOnChange, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuditApi } from '../data-access/audit.api';
import { AuditTableComponent } from '../ui/audit-table.component';

/** The audit log across the user's scope, newest first; the filter state lives in the URL. */
@Component({
  selector: 'emis-audit-log-page',
  imports: [TranslocoPipe, EmisNumberPipe, ProblemAlertComponent, AuditTableComponent, PaginatorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log.page.html',
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-end;
      margin-bottom: 1rem;
    }
    .toolbar .field {
      flex: 0 1 24rem;
      min-width: 0;
    }
    .result-count {
      margin: 0 0 0.75rem;
      font-weight: 600;
    }
  `,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly schoolId = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  protected readonly unitNames = computed(() => new Map(this.orgUnits.tree().map((node) => [node.id, node.name])));
  /** The filter lists schools, and the units above them, whose actions (sign-ins) are logged too. */
  protected readonly filterOptions = computed(() =>
    [...this.orgUnits.tree()].sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name, 'vi') : a.kind === 'SCHOOL' ? 1 : b.kind === 'SCHOOL' ? -1 : 0,
    ),
  );
  protected readonly entries = loadOnChange(
    () => ({
      schoolId: this.schoolId() || undefined,
      page: this.pageNumber(),
      pageSize: this.size(),
      scope: this.orgUnits.selectedUnitId(),
    }),
    ({ scope: _scope, ...request }) => this.api.list(request),
  );

  constructor() {
    this.orgUnits.loadTree().subscribe({ error: () => undefined });
  }

  protected changeSchool(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ schoolId: value || null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
