import { ImportFailure, NOT_A_WORKBOOK } from './import-failure';

/** A start tag the pre-scan looks for, by local name (a namespace prefix, `x:c`, is read past). */
export interface WantedTag {
  name: string;
  /** Called once per start tag; `text` is the tag from `<` to `>` (latin1) when `withText`, '' otherwise. */
  onTag(text: string): void;
  /** The callback reads the tag's attributes (a merged range, the declared counts): it gets the tag's text. */
  withText?: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
/** Longest markup carried from one chunk to the next: a wanted tag with text longer than this fails the file. */
const LONGEST = 4_096;
const INCOMPLETE = -1;

/**
 * The start tags of a few names in XML arriving in chunks of bytes (an inflating zip part), found byte by byte: no
 * string, match object or copy of the chunk is made per tag, so scanning a 170 MB sheet allocates next to nothing on
 * the JavaScript heap (docs/benchmarks.md, "The import's memory": the regular expressions it replaces made a string
 * of every chunk and a match of every cell, and the API's young generation grew by some 30 MB to take them).
 *
 * Every `<` of well-formed XML begins markup (text and attribute values escape it), so each is read as a tag's
 * start; closing tags, comments and processing instructions are passed by. A tag cut by a chunk's end is carried
 * into the next chunk (at most LONGEST bytes).
 */
export class StreamedTags {
  private carry: Buffer | undefined;
  private readonly wanted: { name: Buffer; tag: WantedTag }[];

  constructor(tags: WantedTag[]) {
    this.wanted = tags.map((tag) => ({ name: Buffer.from(tag.name, 'latin1'), tag }));
  }

  feed(chunk: Buffer, last: boolean): void {
    if (this.carry) {
      const joined = Buffer.concat([this.carry, chunk.subarray(0, LONGEST)]);
      this.carry = undefined;
      const whole = chunk.length <= LONGEST;
      if (this.markup(joined, 0, last && whole) === INCOMPLETE) {
        if (!whole) this.markup(joined, 0, true, true);
        else {
          this.carry = joined;
          return;
        }
      }
      // The carried tag's remainder holds no `<`: the chunk is scanned from its start.
    }
    for (let lt = chunk.indexOf(LT); lt >= 0; lt = chunk.indexOf(LT, lt + 1)) {
      if (this.markup(chunk, lt, last) !== INCOMPLETE) continue;
      if (chunk.length - lt > LONGEST) this.markup(chunk.subarray(lt), 0, true, true);
      else {
        this.carry = Buffer.from(chunk.subarray(lt));
        return;
      }
    }
  }

  /**
   * Reads the markup starting at `lt` (a `<`): INCOMPLETE when its name, or the text a wanted tag needs, runs past
   * the buffer's end and more is to come. `tooLong`: the buffer is all there will be of an over-long tag.
   */
  private markup(buf: Buffer, lt: number, last: boolean, tooLong = false): number {
    let p = lt + 1;
    if (p < buf.length && (buf[p] === 0x2f || buf[p] === 0x3f || buf[p] === 0x21)) return p; // </ <? <!
    let start = p;
    for (; p < buf.length && !isNameEnd(buf[p]); p++) if (buf[p] === 0x3a) start = p + 1;
    if (p === buf.length && !last) return INCOMPLETE;
    const wanted = this.wanted.find(
      ({ name }) => p - start === name.length && buf.compare(name, 0, name.length, start, p) === 0,
    );
    if (!wanted) return p;
    if (!wanted.tag.withText) {
      wanted.tag.onTag('');
      return p;
    }
    const gt = buf.indexOf(GT, p);
    if (gt < 0 && !last) return INCOMPLETE;
    // A tag whose attributes are read but cannot be read whole is not a tag Excel writes.
    if (tooLong) throw new ImportFailure(NOT_A_WORKBOOK);
    wanted.tag.onTag(buf.toString('latin1', lt, gt < 0 ? buf.length : gt + 1));
    return p;
  }
}

/** XML whitespace, `>` and `/` end a tag's name. */
function isNameEnd(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === GT || byte === 0x2f;
}
