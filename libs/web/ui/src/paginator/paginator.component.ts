import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
// The app's one number format (vi-VN grouping in either language); a second copy could drift from it.
import { EmisNumberPipe } from '../format/format.pipes';
import { TranslocoPipe } from '@jsverse/transloco';
import { hasNextPage, lastRowShown, pageLinks, PagerState, reachable } from './page-links';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

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
  private readonly state = computed<PagerState>(() => ({
    page: this.page(),
    pageSize: this.pageSize(),
    total: this.total(),
    capped: this.capped(),
    shown: this.shown(),
  }));
  protected readonly from = computed(() => (this.total() === 0 ? 0 : (this.page() - 1) * this.pageSize() + 1));
  protected readonly to = computed(() => lastRowShown(this.state()));
  protected readonly links = computed(() => pageLinks(this.state()));
  protected readonly hasNext = computed(() => hasNextPage(this.state()));

  protected go(page: number): void {
    if (reachable(this.state(), page)) this.pageChange.emit(page);
  }

  protected changeSize(event: Event): void {
    this.pageSizeChange.emit(Number((event.target as HTMLSelectElement).value));
  }
}
