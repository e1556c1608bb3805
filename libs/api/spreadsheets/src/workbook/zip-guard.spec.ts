import { deflateRawSync } from 'node:zlib';
import { inspectXlsx } from './zip-guard';

/** A minimal zip container built by hand, so each hostile shape can be stated exactly. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const skeleton = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];
const sheet = (xml: string) => ({
  name: 'xl/worksheets/sheet1.xml',
  data: Buffer.from(`<worksheet>${xml}</worksheet>`),
});

describe('inspectXlsx: the container is checked before exceljs loads it', () => {
  it('lets an ordinary workbook through', () => {
    expect(() =>
      inspectXlsx(zip([...skeleton, sheet('<sheetData><row r="1"/><row r="2"/></sheetData>')]), 100),
    ).not.toThrow();
  });

  it('refuses a zip that is not a workbook, and bytes that are not a zip', () => {
    expect(() => inspectXlsx(zip([{ name: 'a.txt', data: Buffer.from('hello') }]), 100)).toThrow(
      'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
    );
    expect(() => inspectXlsx(Buffer.from('PK not really'), 100)).toThrow(
      'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
    );
  });

  it('refuses a zip bomb by the sizes its directory declares, without inflating it', () => {
    const bomb = zip([
      ...skeleton,
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(1000), declaredSize: 400 * 1024 * 1024 },
    ]);
    expect(() => inspectXlsx(bomb, 100)).toThrow(/khi giải nén quá lớn \(400 MB; tối đa 150 MB\)/);
  });

  it('refuses an entry that inflates beyond the size it declared', () => {
    const liar = zip([
      ...skeleton,
      { ...sheet('<sheetData>' + '<row/>'.repeat(10_000) + '</sheetData>'), declaredSize: 100 },
    ]);
    expect(() => inspectXlsx(liar, 100)).toThrow('Tệp không phải là bảng tính Excel (.xlsx) hợp lệ');
  });

  it('refuses a sheet with far more rows than one import takes, and a huge merged range', () => {
    expect(() => inspectXlsx(zip([...skeleton, sheet('<row r="1"/>'.repeat(1_300))]), 100)).toThrow(/quá nhiều dòng/);
    expect(() =>
      inspectXlsx(zip([...skeleton, sheet('<mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells>')]), 100),
    ).toThrow(/gộp/);
  });
});
