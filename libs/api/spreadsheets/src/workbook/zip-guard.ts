import { inflateRawSync } from 'node:zlib';
import { ImportFailure, NOT_A_WORKBOOK } from './import-failure';

/**
 * Looks inside the .xlsx container before exceljs loads it, so a hostile file cannot make the server inflate
 * gigabytes ("zip bomb") or expand a huge merged range cell by cell. Reads the zip's central directory and
 * inflates every part with a hard output cap: the size the part declares.
 */
const MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024;
const MAX_ENTRIES = 2_000;
const MAX_MERGED_CELLS = 20_000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export function inspectXlsx(file: Buffer, maxRows: number): void {
  const entries = centralDirectory(file);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new ImportFailure(NOT_A_WORKBOOK);
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new ImportFailure(
      `Tệp Excel khi giải nén quá lớn (${Math.round(total / 1048576)} MB; tối đa ${MAX_UNCOMPRESSED_BYTES / 1048576} MB)`,
    );
  }
  for (const entry of entries) {
    // Every part is inflated here once, capped at the size it declares (150 MB in all at most): exceljs inflates
    // every part without a cap, so a part that declares 1 KB and holds 300 MB (a 300 KB upload) filled the memory.
    const data = inflate(file, entry);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const xml = data.toString('utf8');
    // Blank but formatted rows also appear as <row> elements: the exact count of data rows is checked after
    // loading; this bound only keeps a hostile sheet from being loaded at all.
    if (count(xml, /<row[\s>]/g) > 2 * maxRows + 1_000) throw new ImportFailure(tooManyRows(maxRows));
    if (mergedCells(xml) > MAX_MERGED_CELLS)
      throw new ImportFailure('Bảng tính có vùng ô gộp (merge) quá lớn; hãy bỏ gộp ô');
  }
}

export function tooManyRows(maxRows: number): string {
  return `Tệp có quá nhiều dòng dữ liệu: tối đa ${maxRows.toLocaleString('vi-VN')} dòng mỗi lần nhập; hãy chia thành nhiều tệp`;
}

function centralDirectory(file: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(file);
  const count = file.readUInt16LE(eocd + 10);
  const offset = file.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES || offset + file.readUInt32LE(eocd + 12) > eocd) throw new ImportFailure(NOT_A_WORKBOOK);
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
    throw new ImportFailure(`Tệp Excel khi giải nén quá lớn (tối đa ${MAX_UNCOMPRESSED_BYTES / 1048576} MB)`);
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

function inflate(file: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ImportFailure(NOT_A_WORKBOOK);
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const data = file.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  try {
    // The cap is the size the directory declared: an entry that inflates beyond its declaration is refused.
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    throw new ImportFailure(NOT_A_WORKBOOK);
  }
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function mergedCells(xml: string): number {
  let cells = 0;
  for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    cells += cols * rows;
  }
  return cells;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
