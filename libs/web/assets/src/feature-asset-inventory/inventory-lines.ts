import { InventoryLine } from '@emis/contracts';
import { foldVietnamese } from '@emis/domain';

/**
 * What the count screen derives from an inventory's lines: the rooms to filter by, the lines a search shows, the
 * differences that approval turns into movements, and what a scanned or typed code points at. Pure functions, so the
 * phone screen and its specs agree on them.
 */

export type LineShow = 'ALL' | 'UNCOUNTED' | 'DIFFERENCES';

export interface LineFilter {
  /** A room's id, '' for every room, NO_ROOM for lines without a room. */
  locationId: string;
  query: string;
  show: LineShow;
}

/** The filter value of lines whose asset has no room recorded. */
export const NO_ROOM = 'none';

export interface RoomTally {
  id: string;
  building: string;
  room: string;
  lines: number;
  counted: number;
}

/** One difference between the books and the count: what approval will record for it. */
export interface Difference {
  lineId: string;
  code: string | null;
  name: string;
  room: string | null;
  bookQuantity: number;
  countedQuantity: number;
  /** counted − book: negative a shortfall, positive a surplus. */
  difference: number;
  bookValue: number;
}

export interface Differences {
  /** On the books, fewer found: each becomes a LOSS disposal, or a lower quantity for tools. */
  shortfalls: Difference[];
  /** Found, more than the books (or not on them at all): each becomes a new asset. */
  surpluses: Difference[];
  /** Lines nobody has counted yet: approval leaves their records as they are. */
  uncounted: number;
}

export type ScannedCode = { assetId: string } | { code: string };

const ASSET_URL = /\/assets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;

/**
 * A label's QR code holds the asset page's URL (<origin>/assets/<assetId>); a scanner typing into the code field
 * sends that URL, a person types the asset's code (TS-0001). Both are accepted.
 */
export function parseScannedCode(text: string): ScannedCode | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const url = ASSET_URL.exec(trimmed);
  if (url) return { assetId: url[1].toLowerCase() };
  return { code: trimmed.replace(/\s+/g, '').toUpperCase() };
}

/** The asset line a scan points at, if the screen holds it (a line of another room is found as well). */
export function lineForScan(lines: readonly InventoryLine[], scanned: ScannedCode): InventoryLine | null {
  const found =
    'assetId' in scanned
      ? lines.find((line) => line.assetId === scanned.assetId)
      : lines.find((line) => line.code !== null && line.code.toUpperCase() === scanned.code);
  return found ?? null;
}

export function filterLines(lines: readonly InventoryLine[], filter: LineFilter): InventoryLine[] {
  const words = foldVietnamese(filter.query).split(/\s+/).filter(Boolean);
  return lines.filter(
    (line) =>
      inRoom(line, filter.locationId) &&
      shown(line, filter.show) &&
      words.every((word) => foldVietnamese(`${line.code ?? ''} ${line.name}`).includes(word)),
  );
}

/** The rooms the lines stand in, each with how many lines it holds and how many are counted, by building and room. */
export function roomTallies(lines: readonly InventoryLine[]): RoomTally[] {
  const rooms = new Map<string, RoomTally>();
  for (const line of lines) {
    if (!line.location) continue;
    const tally = rooms.get(line.location.id) ?? { ...line.location, lines: 0, counted: 0 };
    tally.lines += 1;
    if (line.countedQuantity !== null) tally.counted += 1;
    rooms.set(line.location.id, tally);
  }
  return [...rooms.values()].sort(
    (a, b) => a.building.localeCompare(b.building, 'vi') || a.room.localeCompare(b.room, 'vi', { numeric: true }),
  );
}

export function countedLines(lines: readonly InventoryLine[]): number {
  return lines.filter((line) => line.countedQuantity !== null).length;
}

/**
 * The shortfalls and surpluses of the counted lines, as approval will record them (the difference is the server's,
 * counted − book). An uncounted line proves nothing and changes nothing on approval: it is only tallied.
 */
export function differencesOf(lines: readonly InventoryLine[]): Differences {
  const shortfalls: Difference[] = [];
  const surpluses: Difference[] = [];
  let uncounted = 0;
  for (const line of lines) {
    const { countedQuantity, difference } = line;
    if (countedQuantity === null || difference === null) {
      uncounted += 1;
      continue;
    }
    if (difference === 0) continue;
    const item: Difference = {
      lineId: line.id,
      code: line.code,
      name: line.name,
      room: line.location ? `${line.location.room} · ${line.location.building}` : null,
      bookQuantity: line.bookQuantity,
      countedQuantity,
      difference,
      bookValue: line.bookValue,
    };
    (difference < 0 ? shortfalls : surpluses).push(item);
  }
  return { shortfalls, surpluses, uncounted };
}

function inRoom(line: InventoryLine, locationId: string): boolean {
  if (locationId === '') return true;
  if (locationId === NO_ROOM) return line.location === null;
  return line.location?.id === locationId;
}

function shown(line: InventoryLine, show: LineShow): boolean {
  if (show === 'UNCOUNTED') return line.countedQuantity === null;
  if (show === 'DIFFERENCES') return (line.difference ?? 0) !== 0;
  return true;
}
