/**
 * The student list's column choice (the visible optional columns), kept in localStorage so it survives reloads.
 * It stores the shown columns, where ColumnChoice in @emis/web/ui stores the hidden ones: kept apart so choices
 * already saved on users' browsers keep their meaning.
 */
export function storedColumns(storageKey: string, all: readonly string[], defaults: readonly string[]): string[] {
  try {
    const raw = localStorage.getItem(storageKey);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return all.filter((k) => parsed.includes(k));
    }
  } catch {
    // Disabled or malformed storage: the defaults apply.
  }
  return [...defaults];
}

export function storeColumns(storageKey: string, columns: readonly string[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(columns));
  } catch {
    // Storage may be disabled; the choice then lasts until reload.
  }
}
