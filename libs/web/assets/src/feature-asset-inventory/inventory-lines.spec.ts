import { InventoryLine } from '@emis/contracts';
import {
  countedLines,
  differencesOf,
  filterLines,
  lineForScan,
  NO_ROOM,
  parseScannedCode,
  roomTallies,
} from './inventory-lines';

const ROOM_6A = { id: 'r-6a', building: 'Nhà A', room: 'Phòng 6A' };
const ROOM_LAB = { id: 'r-lab', building: 'Nhà B', room: 'Phòng Tin học' };
const ROOM_10 = { id: 'r-10', building: 'Nhà A', room: 'Phòng 10' };
const ASSET_ID = '3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b';

/** A line as the API sends it: the difference is counted − book once counted. */
function line(id: string, overrides: Partial<InventoryLine>): InventoryLine {
  const bookQuantity = overrides.bookQuantity ?? 1;
  const countedQuantity = overrides.countedQuantity ?? null;
  return {
    id,
    assetId: `asset-${id}`,
    code: null,
    name: '',
    location: null,
    bookQuantity: 1,
    countedQuantity: null,
    bookValue: 0,
    condition: null,
    note: null,
    countedAt: null,
    ...overrides,
    difference: countedQuantity === null ? null : countedQuantity - bookQuantity,
  };
}

const LINES: InventoryLine[] = [
  line('1', {
    assetId: ASSET_ID,
    code: 'TS-0001',
    name: 'Máy chiếu Epson',
    location: ROOM_6A,
    countedQuantity: 1,
    bookValue: 9_000_000,
  }),
  line('2', { code: 'TS-0002', name: 'Máy tính để bàn', location: ROOM_LAB, countedQuantity: 0, bookValue: 7_500_000 }),
  line('3', {
    code: 'CC-0001',
    name: 'Bàn học sinh',
    location: ROOM_6A,
    bookQuantity: 20,
    countedQuantity: 18,
    bookValue: 0,
  }),
  line('4', { code: 'CC-0002', name: 'Ghế giáo viên', location: ROOM_10, bookQuantity: 2 }),
  line('5', {
    assetId: null,
    name: 'Quạt trần (không có trên sổ)',
    location: ROOM_LAB,
    bookQuantity: 0,
    countedQuantity: 3,
  }),
  line('6', { code: 'TS-0003', name: 'Đàn organ', countedQuantity: 1 }),
];

describe('reading a scanned or typed code', () => {
  it('takes the asset id out of a label QR code, whatever the origin', () => {
    expect(parseScannedCode(`https://emis.hungyen.edu.vn/assets/${ASSET_ID}`)).toEqual({ assetId: ASSET_ID });
    expect(parseScannedCode(`  http://localhost:4342/assets/${ASSET_ID.toUpperCase()}?from=qr\n`)).toEqual({
      assetId: ASSET_ID,
    });
  });

  it('reads anything else as an asset code, in capitals and without spaces', () => {
    expect(parseScannedCode(' ts-0001 ')).toEqual({ code: 'TS-0001' });
    expect(parseScannedCode('CC 0002')).toEqual({ code: 'CC0002' });
    expect(parseScannedCode('https://example.org/assets/not-an-id')).toEqual({
      code: 'HTTPS://EXAMPLE.ORG/ASSETS/NOT-AN-ID',
    });
  });

  it('reads nothing from an empty field', () => {
    expect(parseScannedCode('   ')).toBeNull();
  });

  it('finds the line a scan points at, by asset id or by code', () => {
    expect(lineForScan(LINES, { assetId: ASSET_ID })?.id).toBe('1');
    expect(lineForScan(LINES, { code: 'CC-0002' })?.id).toBe('4');
    expect(lineForScan(LINES, { code: 'TS-9999' })).toBeNull();
  });
});

describe('filtering the lines of the count screen', () => {
  const all = { locationId: '', query: '', show: 'ALL' as const };

  it('shows one room, or the lines without a room', () => {
    expect(filterLines(LINES, { ...all, locationId: ROOM_6A.id }).map((l) => l.id)).toEqual(['1', '3']);
    expect(filterLines(LINES, { ...all, locationId: NO_ROOM }).map((l) => l.id)).toEqual(['6']);
  });

  it('searches code and name without diacritics, every word', () => {
    expect(filterLines(LINES, { ...all, query: 'may TINH' }).map((l) => l.id)).toEqual(['2']);
    expect(filterLines(LINES, { ...all, query: 'dan' }).map((l) => l.id)).toEqual(['6']);
    expect(filterLines(LINES, { ...all, query: 'cc-00' }).map((l) => l.id)).toEqual(['3', '4']);
  });

  it('shows the lines still to count, or those that differ from the books', () => {
    expect(filterLines(LINES, { ...all, show: 'UNCOUNTED' }).map((l) => l.id)).toEqual(['4']);
    expect(filterLines(LINES, { ...all, show: 'DIFFERENCES' }).map((l) => l.id)).toEqual(['2', '3', '5']);
  });
});

describe('rooms and progress', () => {
  it('tallies lines and counted lines per room, by building then room in natural order', () => {
    expect(roomTallies(LINES)).toEqual([
      { ...ROOM_6A, lines: 2, counted: 2 },
      { ...ROOM_10, lines: 1, counted: 0 },
      { ...ROOM_LAB, lines: 2, counted: 2 },
    ]);
    expect(countedLines(LINES)).toBe(5);
  });
});

describe('the differences approval turns into movements', () => {
  it('lists shortfalls and surpluses of the counted lines and how many are left uncounted', () => {
    const { shortfalls, surpluses, uncounted } = differencesOf(LINES);
    expect(shortfalls).toEqual([
      expect.objectContaining({
        lineId: '2',
        code: 'TS-0002',
        difference: -1,
        bookValue: 7_500_000,
        room: 'Phòng Tin học · Nhà B',
      }),
      expect.objectContaining({ lineId: '3', bookQuantity: 20, countedQuantity: 18, difference: -2 }),
    ]);
    expect(surpluses).toEqual([expect.objectContaining({ lineId: '5', code: null, difference: 3, bookQuantity: 0 })]);
    expect(uncounted).toBe(1);
  });

  it('finds none when every count matches the books', () => {
    const matching = LINES.filter((l) => l.bookQuantity > 0).map((l) => ({
      ...l,
      countedQuantity: l.bookQuantity,
      difference: 0,
    }));
    expect(differencesOf(matching)).toEqual({ shortfalls: [], surpluses: [], uncounted: 0 });
  });
});
