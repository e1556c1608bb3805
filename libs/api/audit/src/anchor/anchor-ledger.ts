import type { AnchorFileProblem } from '@emis/contracts';
import { AnchorKeys } from './anchor-keys';
import { Anchor, AnchorLineProblem, GENESIS, lineHash, parseAnchor, signatureHolds } from './anchor-line';

/** A chain's latest anchored head, and which anchor recorded it. */
export interface AnchoredChain {
  seq: number;
  hash: string;
  anchorSeq: number;
  at: string;
}

/**
 * The anchor file folded line by line, in order: the latest anchored head of every chain that any anchor ever named.
 * An anchor names only the chains that moved since the anchor before it, so the fold of the whole file — gap-free
 * (sequence numbers) and linked (each line carries the previous line's hash) — is what knows every chain that ever
 * existed, a deleted one included.
 */
export class AnchorLedger {
  readonly chains = new Map<string, AnchoredChain>();
  readonly problems: AnchorFileProblem[] = [];
  lines = 0;
  lastSeq = 0;
  /** The hash the next line must carry as `prev`. */
  lastHash = GENESIS;
  lastAt: string | null = null;

  constructor(private readonly keys: AnchorKeys) {}

  apply(line: string): void {
    this.lines++;
    const anchor = parseAnchor(line);
    const problems: AnchorLineProblem[] = anchor ? this.problemsOf(anchor) : ['UNREADABLE'];
    for (const problem of problems) this.problems.push({ line: this.lines, problem });
    this.lastHash = lineHash(line);
    if (!anchor) return;
    this.lastSeq = anchor.seq;
    // A line whose signature fails was not written by the anchor key: its heads are not evidence of anything.
    if (problems.includes('WRONG_KEY') || problems.includes('BAD_SIGNATURE')) return;
    this.lastAt = anchor.at;
    for (const c of anchor.chains)
      this.chains.set(c.school, { seq: c.seq, hash: c.hash, anchorSeq: anchor.seq, at: anchor.at });
  }

  private problemsOf(anchor: Anchor): AnchorLineProblem[] {
    const problems: AnchorLineProblem[] = [];
    if (anchor.key !== this.keys.keyId) problems.push('WRONG_KEY');
    else if (!signatureHolds(anchor, this.keys.verifying)) problems.push('BAD_SIGNATURE');
    if (anchor.seq !== this.lastSeq + 1) problems.push('SEQUENCE_GAP');
    if (anchor.prev !== this.lastHash) problems.push('BROKEN_LINK');
    return problems;
  }
}
