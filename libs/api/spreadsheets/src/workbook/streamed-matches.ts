/**
 * The matches of a global pattern in text that arrives in chunks (an inflating zip part), without ever holding the
 * whole text: a match is at most `longest` characters, so the last `longest` characters of a chunk are carried into
 * the next one and a match straddling two chunks is seen once, whole.
 */
export class StreamedMatches {
  private carry = '';

  constructor(
    private readonly pattern: RegExp,
    private readonly onMatch: (match: RegExpExecArray) => void,
    private readonly longest = 512,
  ) {
    if (!pattern.global) throw new Error('StreamedMatches needs a global pattern');
  }

  feed(chunk: string, last: boolean): void {
    const text = this.carry + chunk;
    // Matches starting from here may still be cut off by the chunk's end: they are found again with the next chunk.
    const settled = last ? text.length : text.length - this.longest;
    let resumeAt = Math.max(settled, 0);
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m && m.index < settled; m = this.pattern.exec(text)) {
      this.onMatch(m);
      resumeAt = Math.max(resumeAt, m.index + m[0].length);
    }
    this.carry = last ? '' : text.slice(resumeAt);
  }
}
