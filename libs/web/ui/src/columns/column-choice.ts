import { computed, signal } from '@angular/core';

export interface ColumnOption<K extends string = string> {
  key: K;
  /** Translation key of the column header. */
  labelKey: string;
  /** Columns that identify the row (the name) cannot be hidden. */
  fixed?: boolean;
}

/**
 * Which columns of a list the user shows ("Cột hiển thị"), kept in localStorage per list so the choice survives
 * reloads and sign-ins on this browser. Unknown stored keys are ignored, so a renamed column never hides the list.
 */
export class ColumnChoice<K extends string> {
  private readonly hidden = signal<ReadonlySet<K>>(new Set());
  readonly visible = computed(() => {
    const hidden = this.hidden();
    return new Set(this.options.filter((o) => o.fixed || !hidden.has(o.key)).map((o) => o.key));
  });

  constructor(
    readonly storageKey: string,
    readonly options: readonly ColumnOption<K>[],
    defaultHidden: readonly K[] = [],
  ) {
    this.hidden.set(new Set(this.read() ?? defaultHidden));
  }

  shows(key: K): boolean {
    return this.visible().has(key);
  }

  /** Shows exactly these columns (and the fixed ones), as the column chooser reports them. */
  show(keys: readonly string[]): void {
    const shown = new Set(keys);
    const next = new Set(this.options.filter((o) => !o.fixed && !shown.has(o.key)).map((o) => o.key));
    this.hidden.set(next);
    try {
      localStorage.setItem(this.storageKey, JSON.stringify([...next]));
    } catch {
      // Storage may be disabled; the choice then lasts until reload.
    }
  }

  private read(): K[] | null {
    try {
      const raw = localStorage.getItem(this.storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (!Array.isArray(parsed)) return null;
      const known = new Set<string>(this.options.map((o) => o.key));
      return parsed.filter((k): k is K => typeof k === 'string' && known.has(k));
    } catch {
      return null;
    }
  }
}
