import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { AnchorKeys } from './anchor-keys';
import { AnchorLedger } from './anchor-ledger';

export const ANCHOR_FILE_NAME = 'audit-anchors.jsonl';

/**
 * The anchor file (docs/security/anchor.md): one signed line per anchor, only ever appended to (O_APPEND, then fsync
 * before the anchor counts as written), never rewritten. Read incrementally: each refresh reads only the bytes
 * appended since the last one (by this process or another writing to the same folder), so a year of anchors is read
 * once per process, not once a minute.
 */
export class AnchorFile {
  readonly path: string;
  private ledger: AnchorLedger;
  private offset = 0;
  /** Reads and appends one after the other: a refresh must never read half of an append. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly keys: AnchorKeys,
  ) {
    this.path = path.join(dir, ANCHOR_FILE_NAME);
    this.ledger = new AnchorLedger(keys);
  }

  /** The fold of every line written so far. */
  refresh(): Promise<AnchorLedger> {
    return this.serial(() => this.readNewLines());
  }

  /** Appends the line `build` makes from the up-to-date fold (its sequence number and link), and syncs it to disk. */
  append(build: (ledger: AnchorLedger) => string | null): Promise<AnchorLedger> {
    return this.serial(async () => {
      const ledger = await this.readNewLines();
      const line = build(ledger);
      if (line === null) return ledger;
      await mkdir(this.dir, { recursive: true });
      const file = await open(this.path, 'a', 0o640);
      try {
        await file.write(`${line}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      return this.readNewLines();
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readNewLines(): Promise<AnchorLedger> {
    const size = await stat(this.path).then(
      (s) => s.size,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return 0;
        throw error;
      },
    );
    if (size < this.offset) {
      // Cut (or replaced) behind our back: read it again from the start, and say so.
      this.ledger = new AnchorLedger(this.keys);
      this.offset = 0;
      this.ledger.problems.push({ line: 0, problem: 'SHRUNK' });
    }
    if (size === this.offset) return this.ledger;
    const file = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      await file.read(buffer, 0, buffer.length, this.offset);
      // Only whole lines: another process may be between its write and its newline.
      const end = buffer.lastIndexOf(0x0a);
      if (end < 0) return this.ledger;
      for (const line of buffer.subarray(0, end).toString('utf8').split('\n')) this.ledger.apply(line);
      this.offset += end + 1;
    } finally {
      await file.close();
    }
    return this.ledger;
  }
}
