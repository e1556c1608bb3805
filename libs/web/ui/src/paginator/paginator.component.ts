import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
// The app's one number format (vi-VN grouping in either language); a second copy could drift from it.
import { EmisNumberPipe } from '../format/format.pipes';
import { TranslocoPipe } from '@jsverse/transloco';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

type PageLink = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/**
 * Page numbers with the first, last and two either side of the current page; gaps shown as "…". A capped total
 * (`Page.totalCapped`: the list holds more than `total` rows, docs/conventions.md "Counts") is said as "hơn 10.000"
 * and its last page is unknown: no last-page link, a trailing "…", and "next" open until a page comes back short.
 */
@Component({
  selector: 'emis-paginator',
  imports: [TranslocoPipe, EmisNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './paginator.component.html',
  styleUrl: './paginator.component.css',
})
export class PaginatorComponent {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  /** The API's `totalCapped`: `total` is a lower bound. */
  readonly capped = input(false);
  /** How many rows the current page holds: with a capped total, a short page is the last one. */
  readonly shown = input<number | null>(null);
  readonly idPrefix = input('pager');
  readonly pageChange = output<number>();
  readonly pageSizeChange = output<number>();

  protected readonly pageSizes = PAGE_SIZES;
  /** The pages known to exist: with a capped total, at least the current one and those the cap covers. */
  protected readonly pageCount = computed(() => {
    const counted = Math.max(1, Math.ceil(this.total() / this.pageSize()));
    return this.capped() ? Math.max(counted, this.page()) : counted;
  });
  /** Whether pages may follow the known ones (a capped total, and the current page came back full). */
  protected readonly open = computed(() => {
    const shown = this.shown();
    return this.capped() && (shown === null || shown >= this.pageSize());
  });
  protected readonly from = computed(() => (this.total() === 0 ? 0 : (this.page() - 1) * this.pageSize() + 1));
  protected readonly to = computed(() =>
    this.capped()
      ? (this.page() - 1) * this.pageSize() + (this.shown() ?? this.pageSize())
      : Math.min(this.page() * this.pageSize(), this.total()),
  );
  protected readonly links = computed<PageLink[]>(() => {
    const count = this.pageCount();
    const open = this.open();
    const current = Math.min(this.page(), count);
    const pages = new Set([1, current - 2, current - 1, current, current + 1, current + 2]);
    if (!open) pages.add(count);
    const last = open ? current + 2 : count;
    const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
    const links: PageLink[] = [];
    sorted.forEach((p, i) => {
      if (i > 0 && p - sorted[i - 1] > 1) links.push({ kind: 'gap', key: `gap-${p}` });
      links.push({ kind: 'page', page: p });
    });
    if (open) links.push({ kind: 'gap', key: 'gap-more' });
    return links;
  });
  protected readonly hasNext = computed(() => this.open() || this.page() < this.pageCount());

  protected go(page: number): void {
    const reachable = this.open() ? page <= this.page() + 2 : page <= this.pageCount();
    if (page >= 1 && reachable && page !== this.page()) this.pageChange.emit(page);
  }

  protected changeSize(event: Event): void {
    this.pageSizeChange.emit(Number((event.target as HTMLSelectElement).value));
  }
}
