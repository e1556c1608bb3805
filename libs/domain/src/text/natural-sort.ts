/**
 * Class names sort the way people count (docs/conventions.md, "Sorting"): the grade as a number, then the rest, with
 * numbers inside compared as numbers — 6A, 6B, 7A, 7B, 10A1, 10A2, 10A10 — and Vietnamese letters in Vietnamese order.
 */
const classCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

export function compareClassNames(a: string, b: string): number {
  return classCollator.compare(a.trim(), b.trim()) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of `items` in natural class-name order. */
export function sortByClassName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareClassNames(name(x), name(y)));
}
