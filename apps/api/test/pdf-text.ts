import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/**
 * The text of each page of a PDF written by pdfkit (pdfmake's engine), for tests: streams are inflated, and the
 * glyph ids of the embedded fonts are mapped back to Unicode through each font's ToUnicode CMap — so a letter
 * comes out as 'ễ' only when the font really holds that glyph and the document really shows it.
 * Within a page, text fragments are concatenated in drawing order (pdfmake writes each word with its trailing space).
 */
export function pdfPages(pdf: Buffer): string[] {
  const objects = parseObjects(pdf);
  const cmaps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref));
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      if (toUnicode) cmaps.set(name, parseCmap(objects.get(Number(toUnicode[1]))?.stream?.toString('latin1') ?? ''));
    }
  }
  return [...objects.values()]
    .filter((o) => /\/Type \/Page\b/.test(o.dict))
    .map((page) => {
      const refs = /\/Contents (\d+) 0 R/.exec(page.dict);
      return refs ? decodeContent(objects.get(Number(refs[1]))?.stream?.toString('latin1') ?? '', cmaps) : '';
    });
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const from = m.index + m[0].length;
    const end = text.indexOf('endobj', from);
    const streamAt = text.indexOf('stream', from);
    if (streamAt >= 0 && streamAt < end) {
      const dict = text.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let start = streamAt + 'stream'.length;
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
      const raw = pdf.subarray(start, start + length);
      objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      header.lastIndex = text.indexOf('endobj', start + length);
    } else {
      objects.set(Number(m[1]), { dict: text.slice(from, end) });
      header.lastIndex = end;
    }
  }
  return objects;
}

/** pdfkit writes `<start> <end> [<u1> <u2> …]` ranges; each entry is one or more UTF-16 code units in hex. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start, entries] of cmap.matchAll(/<([0-9a-fA-F]+)> <[0-9a-fA-F]+> \[([^\]]*)\]/g)) {
    [...entries.matchAll(/<([^>]*)>/g)].forEach(([, units], i) => {
      map.set(
        parseInt(start, 16) + i,
        String.fromCharCode(
          ...units
            .split(' ')
            .filter(Boolean)
            .map((u) => parseInt(u, 16)),
        ),
      );
    });
  }
  return map;
}

function decodeContent(content: string, cmaps: Map<string, Map<number, string>>): string {
  let font = new Map<number, string>();
  let out = '';
  for (const [, name, array, single] of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
    if (name) font = cmaps.get(name) ?? new Map();
    const hexes =
      array !== undefined
        ? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1])
        : single !== undefined
          ? [single]
          : [];
    for (const hex of hexes) {
      for (let i = 0; i + 4 <= hex.length; i += 4) out += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    }
  }
  return out;
}
