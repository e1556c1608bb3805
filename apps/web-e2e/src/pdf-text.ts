import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** A font's codes as the page's text shows them: two bytes each in a composite (Type0) font, else one (Type3). */
interface FontCodes {
  unicode: Map<number, string>;
  bytes: 1 | 2;
}

/**
 * The text of each page of a PDF Chromium printed (page.pdf(): Skia's PDF writer), in page order, for tests. Streams
 * are inflated and each font's glyph ids mapped back to Unicode through its ToUnicode CMap (bfchar and bfrange
 * entries; two-byte codes in composite fonts, one-byte codes in the Type3 fonts Skia makes for synthesised faces),
 * so a letter comes out only when the page really shows it. Text is concatenated in drawing order; Skia
 * places words rather than drawing spaces, so a test compares texts with whitespace left out. No dependency: the few
 * PDF structures Skia writes are read here (objects, Flate streams, the page tree).
 */
export function pdfPages(pdf: Buffer): string[] {
  const objects = parseObjects(pdf);
  const codesOfFont = new Map<number, FontCodes>();
  const cmapOf = (fontRef: number): FontCodes => {
    let codes = codesOfFont.get(fontRef);
    if (!codes) {
      const dict = objects.get(fontRef)?.dict ?? '';
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dict);
      codes = {
        unicode: parseCmap(toUnicode ? (objects.get(Number(toUnicode[1]))?.stream?.toString('latin1') ?? '') : ''),
        bytes: /\/Subtype\s*\/Type0\b/.test(dict) ? 2 : 1,
      };
      codesOfFont.set(fontRef, codes);
    }
    return codes;
  };
  return pageRefs(objects).map((ref) => {
    const page = objects.get(ref)!;
    const fonts = fontsOf(objects, page.dict);
    const contents = contentRefs(page.dict).map((r) => objects.get(r)?.stream?.toString('latin1') ?? '');
    return contents.map((c) => decodeContent(c, (name) => cmapOf(fonts.get(name) ?? -1))).join('');
  });
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const from = m.index + m[0].length;
    const end = text.indexOf('endobj', from);
    const streamAt = text.indexOf('stream', from);
    if (streamAt >= 0 && streamAt < end) {
      const dict = text.slice(from, streamAt);
      const length = lengthOf(dict, text);
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

/** A stream's /Length, written directly or as a reference to an object holding the number. */
function lengthOf(dict: string, text: string): number {
  const indirect = /\/Length (\d+) 0 R/.exec(dict);
  if (indirect) return Number(new RegExp(`(?:^|\\s)${indirect[1]} 0 obj\\s*(\\d+)`).exec(text)?.[1] ?? 0);
  return Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
}

/** The pages in reading order: the page tree from the catalogue's /Pages down its /Kids. */
function pageRefs(objects: Map<number, PdfObject>): number[] {
  const catalogue = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const root = Number(/\/Pages (\d+) 0 R/.exec(catalogue?.dict ?? '')?.[1] ?? NaN);
  const walk = (ref: number): number[] => {
    const dict = objects.get(ref)?.dict ?? '';
    if (/\/Type\s*\/Page\b/.test(dict)) return [ref];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(Number(k[1])));
  };
  return walk(root);
}

function contentRefs(dict: string): number[] {
  const array = /\/Contents\s*\[([^\]]*)\]/.exec(dict);
  if (array) return [...array[1].matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  const single = /\/Contents (\d+) 0 R/.exec(dict);
  return single ? [Number(single[1])] : [];
}

/** The page's font resources, by name: inline (/Font << /F1 5 0 R >>) or through a referenced resource dictionary. */
function fontsOf(objects: Map<number, PdfObject>, pageDict: string): Map<string, number> {
  let resources = pageDict;
  const resourcesRef = /\/Resources (\d+) 0 R/.exec(pageDict);
  if (resourcesRef) resources = objects.get(Number(resourcesRef[1]))?.dict ?? '';
  const fontRef = /\/Font (\d+) 0 R/.exec(resources);
  const fontDict = fontRef ? (objects.get(Number(fontRef[1]))?.dict ?? '') : resources;
  const fonts = new Map<string, number>();
  for (const [, name, ref] of fontDict.matchAll(/\/([A-Za-z]+\d+) (\d+) 0 R/g)) fonts.set(name, Number(ref));
  return fonts;
}

/**
 * A ToUnicode CMap: `<src> <dst>` lines between beginbfchar/endbfchar, and between beginbfrange/endbfrange either
 * `<start> <end> <dst>` (consecutive code points) or `<start> <end> [<dst1> <dst2> …]`. A destination is one or more
 * UTF-16 code units in hex.
 */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).map((u) => parseInt(u, 16)));
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(parseInt(src, 16), utf16(dst));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, start, end, dst, list] of body.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g,
    )) {
      const from = parseInt(start, 16);
      const to = parseInt(end, 16);
      if (list !== undefined) {
        [...list.matchAll(/<([0-9a-fA-F]*)>/g)].forEach(([, d], i) => map.set(from + i, utf16(d)));
      } else {
        const base = utf16(dst);
        const last = base.charCodeAt(base.length - 1);
        for (let code = from; code <= to; code++)
          map.set(code, base.slice(0, -1) + String.fromCharCode(last + (code - from)));
      }
    }
  }
  return map;
}

function decodeContent(content: string, cmapOf: (font: string) => FontCodes): string {
  let font: FontCodes = { unicode: new Map(), bytes: 2 };
  let out = '';
  for (const [, name, array, single] of content.matchAll(
    /\/([A-Za-z]+\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]<])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
  )) {
    if (name) font = cmapOf(name);
    const hexes =
      array !== undefined
        ? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1])
        : single !== undefined
          ? [single]
          : [];
    const width = font.bytes * 2;
    for (const hex of hexes) {
      for (let i = 0; i + width <= hex.length; i += width)
        out += font.unicode.get(parseInt(hex.slice(i, i + width), 16)) ?? '\uFFFD';
    }
  }
  return out;
}
