/** The words of a code list the domain names in both languages (the API's Excel files and prints use the same). */
export function wordsOf<K extends string>(
  labels: Record<K, { vi: string; en: string }>,
  language: 'vi' | 'en',
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<{ vi: string; en: string }>(labels).map(([code, words]) => [code, words[language]]),
  ) as Record<K, string>;
}
