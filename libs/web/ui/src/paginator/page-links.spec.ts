import { hasNextPage, lastRowShown, PageLink, pageLinks, PagerState, reachable } from './page-links';

const numbers = (links: PageLink[]) => links.map((l) => (l.kind === 'page' ? l.page : '…'));
const state = (s: Partial<PagerState>): PagerState => ({
  page: 1,
  pageSize: 20,
  total: 0,
  capped: false,
  shown: null,
  ...s,
});

describe('page links', () => {
  it('shows the first, the last and two either side of the current page of an exact total', () => {
    expect(numbers(pageLinks(state({ page: 7, total: 400 })))).toEqual([1, '…', 5, 6, 7, 8, 9, '…', 20]);
    expect(numbers(pageLinks(state({ page: 1, total: 45 })))).toEqual([1, 2, 3]);
    expect(hasNextPage(state({ page: 3, total: 45 }))).toBe(false);
    expect(lastRowShown(state({ page: 3, total: 45 }))).toBe(45);
  });

  it('has no last page for a capped total ("hơn 10.000"): the pages ahead and a trailing gap', () => {
    const first = state({ total: 10_000, capped: true, shown: 20 });
    expect(numbers(pageLinks(first))).toEqual([1, 2, 3, '…']);
    expect(hasNextPage(first)).toBe(true);
    expect(reachable(first, 3)).toBe(true);
    expect(reachable(first, 500)).toBe(false);
    // Past the cap's pages the list goes on while pages come back full.
    const far = state({ page: 600, total: 10_000, capped: true, shown: 20 });
    expect(numbers(pageLinks(far))).toEqual([1, '…', 598, 599, 600, 601, 602, '…']);
    expect(lastRowShown(far)).toBe(12_000);
  });

  it('ends a capped list at a short page', () => {
    const last = state({ page: 612, total: 10_000, capped: true, shown: 7 });
    expect(hasNextPage(last)).toBe(false);
    expect(numbers(pageLinks(last))).toEqual([1, '…', 610, 611, 612]);
    expect(lastRowShown(last)).toBe(611 * 20 + 7);
  });
});
