/**
 * One paging convention for every list endpoint:
 *   GET /api/things?page=1&pageSize=20&sort=name,-code&q=text&<filters>
 * `page` starts at 1; `pageSize` is 1–200 (default 20); `sort` lists fields, a leading '-' for descending.
 */
export interface PageQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  q?: string;
}

export interface Page<T> {
  items: T[];
  /** The rows the filter matches; when `totalCapped`, only a lower bound (the count stopped at COUNT_CAP). */
  total: number;
  page: number;
  pageSize: number;
  /**
   * True when the list holds more than `total` rows: long lists count at most COUNT_CAP rows, so the first page of a
   * 50,000-pupil school costs what a page costs (docs/conventions.md, "Counts"); the pager then says "hơn 10.000".
   */
  totalCapped?: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
/** The most rows a long list counts exactly; above it the total reads "more than COUNT_CAP" (`Page.totalCapped`). */
export const COUNT_CAP = 10_000;
