import { foldVietnamese } from './fold';

/** At most this many words of a search box count; the rest are ignored (a pasted paragraph is not a search). */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search box (docs/conventions.md, "Search"): composed Unicode (NFC, so a name typed with combining
 * marks matches one stored composed), split on any run of spaces, each word once. A row matches when every word
 * appears in it, in any order: "thuy anh nguyen" and "nguyễn  thùy anh" find "Nguyễn Thùy Anh". The one normaliser
 * for every `q` of the API and every search box of the web.
 */
export function searchWords(query: string | null | undefined): string[] {
  if (!query) return [];
  const words = query.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** Whether `text` contains every word of `query`, ignoring case, diacritics, order and spacing. */
export function matchesSearch(text: string, query: string | null | undefined): boolean {
  const haystack = foldVietnamese(text.normalize('NFC'));
  return searchWords(query).every((word) => haystack.includes(foldVietnamese(word)));
}
