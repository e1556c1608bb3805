import { createInflateRaw } from 'node:zlib';
import { ImportFailure, NOT_A_WORKBOOK } from './import-failure';
import { StreamedTags, WantedTag } from './streamed-tags';

/**
 * Looks inside the .xlsx container before anything parses it (docs/security/imports.md), so a hostile file can make
 * the server neither inflate gigabytes ("zip bomb") nor build millions of cells, shared strings or styles: a 450 KB
 * file declaring 4.3 million shared strings held the API's event loop for 7.8 s and took 470 MB when exceljs parsed
 * it. Reads the zip's central directory first (sizes, count, ratios: nothing inflated yet), then inflates every part
 * as a stream capped at the size it declares, counting what a parser would build. The inflating runs on zlib's
 * thread pool and the counting chunk by chunk: the event loop keeps answering meanwhile.
 *
 * The limits, from the largest legitimate Emis import (a 20,000-row student list: 360,000 cells, about 300,000
 * shared strings, 17 MB of XML, ratio at most 15) with headroom (the figures and the reasoning are in
 * docs/security/imports.md):
 */
export const UPLOAD_LIMITS = {
  uncompressedBytes: 150 * 1024 * 1024,
  entries: 2_000,
  /** Inflated ÷ compressed size of one part; checked on parts above `ratioFromBytes` (tiny parts vary widely). */
  compressionRatio: 100,
  ratioFromBytes: 1024 * 1024,
  sharedStrings: 1_000_000,
  /** Cell formats (`<xf>` of styles.xml): Excel itself stops at 64,000; a real file has a few hundred. */
  styles: 20_000,
  cellsPerSheet: 1_000_000,
  mergedCells: 20_000,
  /**
   * A kind taking more rows (the student list: 200,000) gets more room for what grows with the rows: the limits above
   * or these allowances per row it may hold, whichever is larger. A 200,000-row student list has some 3.6 million
   * cells, 3 million shared strings and 170 MB of XML (ten times the 20,000-row figures).
   */
  perRow: { cells: 25, sharedStrings: 20, uncompressedBytes: 1_500 },
} as const;

/** A limit for a file of at most `maxRows` data rows: the base limit, or the per-row allowance, whichever is larger. */
export function scaledLimit(base: number, perRow: number, maxRows: number): number {
  return Math.max(base, perRow * maxRows);
}

/** A refusal for the file's size or shape: the upload answers 400 and a HOSTILE_UPLOAD security event is recorded. */
export class HostileWorkbook extends ImportFailure {
  constructor(
    message: string,
    readonly detail: Record<string, unknown>,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MB = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** What one part may hold: its counters see the part's bytes chunk by chunk, and refuse once over a limit. */
interface PartCheck {
  feed(chunk: Buffer, last: boolean): void;
}

/**
 * What the pre-scan counted: `rows`, the `<row>` elements of the longest sheet (a progress bar's first total), and
 * the merged ranges of the sheet part it was asked about (`mergesOf`; none otherwise).
 */
export interface InspectedXlsx {
  rows: number;
  merges: MergedRange[];
}

/**
 * The pre-scan. `mergesOf` names a sheet part (the data sheet, found by sheetList) whose merged ranges are kept: a
 * sheet lists them after its rows, so the streamed reader, which sees each row once, learns them here first, in
 * the same pass (at most UPLOAD_LIMITS.mergedCells cells, the pre-scan's own bound).
 */
export async function inspectXlsx(file: Buffer, maxRows: number, mergesOf?: string): Promise<InspectedXlsx> {
  const entries = centralDirectory(file);
  assertContainer(entries, maxRows);
  const counted: InspectedXlsx = { rows: 0, merges: [] };
  for (const entry of entries)
    await scanPart(file, entry, partCheck(entry.name, maxRows, counted, entry.name === mergesOf));
  return counted;
}

/** A merged range of cells, by row and column numbers (inclusive). */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheets of a workbook as the streamed reader knows them, in workbook order. */
export interface SheetList {
  /** The zip part of each sheet (xl/worksheets/sheet1.xml), with the sheet's name, the data sheet (the first) first. */
  sheets: { part: string; name: string }[];
  /** The workbook counts dates from 1904 (a Mac Excel setting) rather than from 1900. */
  date1904: boolean;
}

/** The workbook's sheets, from its two small parts that list them (at most 1 MB of each is read). */
export async function sheetList(file: Buffer): Promise<SheetList> {
  const entries = centralDirectory(file);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookXml = await smallPartText(file, byName.get('xl/workbook.xml'));
  const relsXml = await smallPartText(file, byName.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetList['sheets'] = [];
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const relId = /\s\w+:id="([^"]+)"/.exec(tag)?.[1];
    const part = relId ? targets.get(relId) : undefined;
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (part && byName.has(part) && name !== undefined) sheets.push({ part, name: xmlText(name) });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbookXml);
  return { sheets, date1904 };
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of a small part (the workbook's list of sheets, its relationships): at most 1 MB is kept. */
async function smallPartText(file: Buffer, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return '';
  const chunks: Buffer[] = [];
  let kept = 0;
  await scanPart(file, entry, {
    feed: (chunk) => {
      if (kept >= MB) return;
      chunks.push(Buffer.from(chunk));
      kept += chunk.length;
    },
  });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A merged range's tag, `<mergeCell ref="A1:C2"/>`, read by `onRange` (the columns' letters and the rows' numbers of
 * its two corners; the ref may come after other attributes). A tag without a two-corner ref merges nothing.
 */
function mergeCellTag(onRange: (m: RegExpExecArray) => void): WantedTag {
  return {
    name: 'mergeCell',
    withText: true,
    onTag: (text) => {
      const m = /\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(text);
      if (m) onRange(m);
    },
  };
}

export function tooManyRows(maxRows: number): string {
  return `Tệp có quá nhiều dòng dữ liệu: tối đa ${maxRows.toLocaleString('vi-VN')} dòng mỗi lần nhập; hãy chia thành nhiều tệp`;
}

function assertContainer(entries: ZipEntry[], maxRows: number): void {
  const limit = scaledLimit(UPLOAD_LIMITS.uncompressedBytes, UPLOAD_LIMITS.perRow.uncompressedBytes, maxRows);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new ImportFailure(NOT_A_WORKBOOK);
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limit) {
    throw new HostileWorkbook(
      `Tệp Excel khi giải nén quá lớn (${Math.round(total / MB)} MB; tối đa ${Math.round(limit / MB)} MB)`,
      { reason: 'uncompressed_size', bytes: total, limit },
    );
  }
  for (const e of entries) {
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > UPLOAD_LIMITS.ratioFromBytes && ratio > UPLOAD_LIMITS.compressionRatio) {
      throw new HostileWorkbook(
        `Tệp Excel bất thường: phần "${e.name}" nén quá chặt (${Math.round(ratio)} lần), dấu hiệu của tệp được dựng để làm treo máy chủ`,
        { reason: 'compression_ratio', part: e.name, ratio: Math.round(ratio), limit: UPLOAD_LIMITS.compressionRatio },
      );
    }
  }
}

/** The counters of the parts a parser builds objects from; other parts are only inflated (capped) and dropped. */
function partCheck(name: string, maxRows: number, counted: InspectedXlsx, keepMerges: boolean): PartCheck | undefined {
  if (name === 'xl/sharedStrings.xml') return sharedStringsCheck(maxRows);
  if (name === 'xl/styles.xml') return stylesCheck();
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return worksheetCheck(name, maxRows, counted, keepMerges);
  return undefined;
}

function sharedStringsCheck(maxRows: number): PartCheck {
  const limit = scaledLimit(UPLOAD_LIMITS.sharedStrings, UPLOAD_LIMITS.perRow.sharedStrings, maxRows);
  const refuse = (found: number, source: string) =>
    new HostileWorkbook(
      `Tệp có quá nhiều chuỗi văn bản (${found.toLocaleString('vi-VN')}; tối đa ${limit.toLocaleString('vi-VN')})`,
      { reason: 'shared_strings', source, found, limit },
    );
  let strings = 0;
  return new StreamedTags([
    // The declared counts are refused at once, before the list itself is read; the list is counted too, as a
    // hostile file may declare small counts and hold millions.
    {
      name: 'sst',
      withText: true,
      onTag: (text) => {
        for (const [, attr, value] of text.matchAll(/\b(count|uniqueCount)="(\d+)"/g))
          if (Number(value) > limit) throw refuse(Number(value), attr);
      },
    },
    {
      name: 'si',
      onTag: () => {
        if (++strings > limit) throw refuse(strings, 'si');
      },
    },
  ]);
}

function stylesCheck(): PartCheck {
  const limit = UPLOAD_LIMITS.styles;
  let formats = 0;
  return new StreamedTags([
    {
      name: 'xf',
      onTag: () => {
        if (++formats > limit) {
          throw new HostileWorkbook(`Tệp có quá nhiều kiểu định dạng ô (tối đa ${limit.toLocaleString('vi-VN')})`, {
            reason: 'styles',
            found: formats,
            limit,
          });
        }
      },
    },
  ]);
}

function worksheetCheck(part: string, maxRows: number, counted: InspectedXlsx, keepMerges: boolean): PartCheck {
  const { mergedCells } = UPLOAD_LIMITS;
  const cellsPerSheet = scaledLimit(UPLOAD_LIMITS.cellsPerSheet, UPLOAD_LIMITS.perRow.cells, maxRows);
  // Blank but formatted rows also appear as <row> elements: the exact count of data rows is checked after
  // parsing; this bound only keeps a hostile sheet from being parsed at all.
  const rowLimit = 2 * maxRows + 1_000;
  let cells = 0;
  let rows = 0;
  let merged = 0;
  return new StreamedTags([
    {
      name: 'c',
      onTag: () => {
        if (++cells > cellsPerSheet) {
          throw new HostileWorkbook(
            `Trang tính có quá nhiều ô (tối đa ${cellsPerSheet.toLocaleString('vi-VN')}); hãy chia thành nhiều tệp`,
            { reason: 'cells', part, limit: cellsPerSheet },
          );
        }
      },
    },
    {
      name: 'row',
      onTag: () => {
        if (++rows > rowLimit)
          throw new HostileWorkbook(tooManyRows(maxRows), { reason: 'rows', part, limit: rowLimit });
        counted.rows = Math.max(counted.rows, rows);
      },
    },
    mergeCellTag((m) => {
      const [a, b] = [columnNumber(m[1]), columnNumber(m[3])];
      const [r1, r2] = [Number(m[2]), Number(m[4])];
      merged += (Math.abs(b - a) + 1) * (Math.abs(r2 - r1) + 1);
      if (keepMerges)
        counted.merges.push({
          top: Math.min(r1, r2),
          bottom: Math.max(r1, r2),
          left: Math.min(a, b),
          right: Math.max(a, b),
        });
      if (merged > mergedCells) {
        throw new HostileWorkbook('Bảng tính có vùng ô gộp (merge) quá lớn; hãy bỏ gộp ô', {
          reason: 'merged_cells',
          part,
          limit: mergedCells,
        });
      }
    }),
  ]);
}

export function centralDirectory(file: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(file);
  const count = file.readUInt16LE(eocd + 10);
  const offset = file.readUInt32LE(eocd + 16);
  if (count > UPLOAD_LIMITS.entries) {
    throw new HostileWorkbook(`Tệp Excel có quá nhiều phần (${count}; tối đa ${UPLOAD_LIMITS.entries})`, {
      reason: 'entries',
      found: count,
      limit: UPLOAD_LIMITS.entries,
    });
  }
  if (offset + file.readUInt32LE(eocd + 12) > eocd) throw new ImportFailure(NOT_A_WORKBOOK);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ImportFailure(NOT_A_WORKBOOK);
    const nameLength = file.readUInt16LE(at + 28);
    entries.push({
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  // ZIP64 markers (0xFFFFFFFF sizes) mean a file far beyond anything a school list needs.
  if (entries.some((e) => e.size === 0xffffffff || e.compressedSize === 0xffffffff)) {
    throw new HostileWorkbook(`Tệp Excel khi giải nén quá lớn (tối đa ${UPLOAD_LIMITS.uncompressedBytes / MB} MB)`, {
      reason: 'zip64',
    });
  }
  return entries;
}

function findEndOfCentralDirectory(file: Buffer): number {
  const last = file.length - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ImportFailure(NOT_A_WORKBOOK);
}

/**
 * Inflates one part as a stream, capped at the size the directory declared (exceljs inflates without a cap: a part
 * that declares 1 KB and holds 300 MB, a 300 KB upload, filled the memory), feeding `check` chunk by chunk. Nothing
 * inflated is kept; the counters read the bytes (StreamedTags: every name counted is ASCII).
 */
async function scanPart(file: Buffer, entry: ZipEntry, check: PartCheck | undefined): Promise<void> {
  for await (const chunk of partChunks(file, entry)) check?.feed(chunk, false);
  check?.feed(Buffer.alloc(0), true);
}

/**
 * A part's bytes as they inflate (64 KB at a time), capped at the size the zip's directory declares: a part that
 * inflates beyond it fails the file. Nothing is kept once a chunk is handed on.
 */
export async function* partChunks(file: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = compressedData(file, entry);
  if (entry.method === 0) {
    yield data;
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  let inflated = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.size) {
        throw new HostileWorkbook(NOT_A_WORKBOOK, { reason: 'inflates_beyond_declared', part: entry.name });
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(NOT_A_WORKBOOK);
  } finally {
    inflater.destroy();
  }
}

function compressedData(file: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ImportFailure(NOT_A_WORKBOOK);
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  return file.subarray(start, start + entry.compressedSize);
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
