/** A numbered page, or a gap ("…") between numbered pages or after the last known one. */
export type PageLink = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/** What the pager knows of a list: the page shown and the API's total (a lower bound when `capped`). */
export interface PagerState {
  page: number;
  pageSize: number;
  total: number;
  /** `Page.totalCapped`: the list holds more than `total` rows (docs/conventions.md, "Counts"). */
  capped: boolean;
  /** Rows on the page shown; null when unknown. With a capped total a short page is the last one. */
  shown: number | null;
}

/** The pages known to exist: with a capped total, at least the current one and those the cap covers. */
export function pageCount(s: PagerState): number {
  const counted = Math.max(1, Math.ceil(s.total / s.pageSize));
  return s.capped ? Math.max(counted, s.page) : counted;
}

/** Whether pages may follow the known ones: a capped total, and the current page came back full. */
export function morePages(s: PagerState): boolean {
  return s.capped && (s.shown === null || s.shown >= s.pageSize);
}

/**
 * The first page, two either side of the current one and the last one, with gaps as "…". With a capped total the last
 * page is unknown: no last-page link, the pages up to two after the current one, and a trailing "…".
 */
export function pageLinks(s: PagerState): PageLink[] {
  const count = pageCount(s);
  const open = morePages(s);
  const current = Math.min(s.page, count);
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
}

/** Whether "next" leads somewhere. */
export function hasNextPage(s: PagerState): boolean {
  return morePages(s) || s.page < pageCount(s);
}

/** Whether a page link may be followed: within the known pages, or up to two past the current one when more follow. */
export function reachable(s: PagerState, page: number): boolean {
  const last = morePages(s) ? s.page + 2 : pageCount(s);
  return page >= 1 && page <= last && page !== s.page;
}

/** The last row shown (the "to" of "1–20 of …"). */
export function lastRowShown(s: PagerState): number {
  return s.capped ? (s.page - 1) * s.pageSize + (s.shown ?? s.pageSize) : Math.min(s.page * s.pageSize, s.total);
}
