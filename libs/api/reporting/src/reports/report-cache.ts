import { Injectable } from '@nestjs/common';

/** Reports kept at most: a province has ~1,000 schools and a few hundred report users; each entry is a few kB. */
const CAPACITY = 500;

interface Entry {
  version: string;
  value: unknown;
}

/**
 * Report results cached per (caller's scope, report, filter) until the facts they sum change: an entry holds the
 * facts' version it was computed from (the in-scope schools' school_state versions, which every refresh raises), and
 * a lookup with another version recomputes. Least recently used entries go first beyond CAPACITY. In memory, per API
 * instance: a miss costs one report query, never a wrong figure.
 */
@Injectable()
export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private counts = { hits: 0, misses: 0 };

  async get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      // Re-inserting moves the key to the end: Map keeps insertion order, so the first key is the least recent.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.counts.hits++;
      return entry.value as T;
    }
    this.counts.misses++;
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** Hits, misses and entries so far (for tests and the benchmark). */
  stats(): { hits: number; misses: number; size: number } {
    return { ...this.counts, size: this.entries.size };
  }
}
