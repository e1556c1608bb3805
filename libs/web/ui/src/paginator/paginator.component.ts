import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
// The app's one number format (vi-VN grouping in either language); a second copy could drift from it.
import { EmisNumberPipe } from '../format/format.pipes';
import { TranslocoPipe } from '@jsverse/transloco';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

type PageLink = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/** Page numbers with the first, last and two either side of the current page; gaps shown as "…". */
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
  readonly idPrefix = input('pager');
  readonly pageChange = output<number>();
  readonly pageSizeChange = output<number>();

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly pageCount = computed(() => Math.max(1, Math.ceil(this.total() / this.pageSize())));
  protected readonly from = computed(() => (this.total() === 0 ? 0 : (this.page() - 1) * this.pageSize() + 1));
  protected readonly to = computed(() => Math.min(this.page() * this.pageSize(), this.total()));
  protected readonly links = computed<PageLink[]>(() => {
    const count = this.pageCount();
    const current = Math.min(this.page(), count);
    const pages = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2]);
    const sorted = [...pages].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b);
    const links: PageLink[] = [];
    sorted.forEach((p, i) => {
      if (i > 0 && p - sorted[i - 1] > 1) links.push({ kind: 'gap', key: `gap-${p}` });
      links.push({ kind: 'page', page: p });
    });
    return links;
  });

  protected go(page: number): void {
    if (page >= 1 && page <= this.pageCount() && page !== this.page()) this.pageChange.emit(page);
  }

  protected changeSize(event: Event): void {
    this.pageSizeChange.emit(Number((event.target as HTMLSelectElement).value));
  }
}
