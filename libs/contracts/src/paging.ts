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
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
