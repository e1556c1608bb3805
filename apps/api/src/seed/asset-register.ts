import { CatalogueItem, CLASSROOM, COMPUTER_ROOM, GROUP_ROOM } from './asset-catalogue';
import { addPremises, addSchoolWide } from './asset-premises';
import {
  dayInUse,
  equipmentYear,
  Purchase,
  RegisterBuilder,
  RegisterClass,
  RegisterSchool,
  roundTo,
  SeedLocation,
  SeedRegister,
} from './asset-register-builder';
import { SeededRandom } from './seeded-random';

/**
 * A school's register: its premises (land, buildings, yard), its classrooms or group rooms with their equipment,
 * computer rooms, offices, function rooms and software, the teaching equipment of each grade; then a few assets in
 * the states a register always has (broken and awaiting disposal, one liquidated with its decision).
 * Deterministic from `rng`; the same draws give the same register.
 */
export function buildAssetRegister(
  rng: SeededRandom,
  school: RegisterSchool,
  classes: readonly RegisterClass[],
  threshold: number,
): SeedRegister {
  const b = new RegisterBuilder(rng, school, threshold);
  const preschool = school.levels.length === 1 && school.levels[0] === 'PRESCHOOL';
  const rooms = distinctRooms(classes);
  addPremises(b, rooms.length, preschool);
  rooms.forEach((room, i) => {
    const building = preschool
      ? 'Khu nhóm lớp'
      : rooms.length > 15 && i >= rooms.length / 2
        ? 'Nhà lớp học B'
        : 'Nhà lớp học A';
    const place = b.location(building, room.room);
    const teacher = `GVCN lớp ${room.classes.join(', ')}`;
    if (preschool) groupRoom(b, place, teacher, room.size);
    else classroom(b, place, teacher, room.size);
  });
  for (let i = 0; i < computerRooms(school, classes.length); i++) computerRoom(b, i + 1);
  addSchoolWide(b, classes, preschool);
  retireSome(b);
  return { locations: b.locations, assets: b.assets };
}

interface Room {
  room: string;
  classes: string[];
  size: number;
}

/** Classes of the two shifts may share a room; the room is furnished once. */
function distinctRooms(classes: readonly RegisterClass[]): Room[] {
  const rooms = new Map<string, Room>();
  for (const c of classes) {
    const room = rooms.get(c.room) ?? { room: c.room, classes: [], size: 0 };
    room.classes.push(c.name);
    room.size = Math.max(room.size, c.pupils);
    rooms.set(c.room, room);
  }
  return [...rooms.values()];
}

function classroom(b: RegisterBuilder, place: SeedLocation, teacher: string, pupils: number): void {
  const { rng } = b;
  const year = equipmentYear(rng, b.school);
  const at = { location: place, responsible: teacher };
  if (rng.chance(0.62)) b.buy(CLASSROOM.smartTv, { ...at, year: Math.max(year, 2019) });
  else b.buy(CLASSROOM.projector, { ...at, year: Math.min(year, 2021) });
  if (rng.chance(0.5)) b.buy(CLASSROOM.teacherComputer, { ...at, year: equipmentYear(rng, b.school) });
  inBatches(b, CLASSROOM.pupilDesks, { ...at, quantity: Math.ceil(pupils / 2) + rng.int(1, 4), year });
  b.buy(CLASSROOM.teacherDesk, { ...at, year });
  b.buy(CLASSROOM.board, { ...at, year: equipmentYear(rng, b.school) });
  inBatches(b, CLASSROOM.fans, { ...at, quantity: rng.int(4, 6), year });
  inBatches(b, CLASSROOM.lights, { ...at, quantity: rng.int(8, 12), year });
  b.buy(CLASSROOM.teacherKit, { ...at, year: equipmentYear(rng, b.school) });
  b.buy(CLASSROOM.cabinet, { ...at, year: equipmentYear(rng, b.school) });
  b.buy(CLASSROOM.bookcase, { ...at, year: equipmentYear(rng, b.school) });
  b.buy(CLASSROOM.curtains, { ...at, year });
  b.buy(CLASSROOM.speaker, { ...at, year: equipmentYear(rng, b.school) });
  for (const line of [CLASSROOM.lectern, CLASSROOM.clock, CLASSROOM.portrait, CLASSROOM.bagRack])
    b.buy(line, { ...at, year });
  if (rng.chance(0.38)) b.buy(CLASSROOM.airConditioner, { ...at, quantity: 2, year: equipmentYear(rng, b.school) });
}

function groupRoom(b: RegisterBuilder, place: SeedLocation, teacher: string, children: number): void {
  const { rng } = b;
  const year = equipmentYear(rng, b.school);
  const at = { location: place, responsible: teacher };
  b.buy(GROUP_ROOM.tv, { ...at, year: equipmentYear(rng, b.school) });
  if (rng.chance(0.85))
    b.buy(GROUP_ROOM.airConditioner, { ...at, quantity: rng.int(1, 2), year: equipmentYear(rng, b.school) });
  b.buy(GROUP_ROOM.minimumSet, { ...at, year });
  inBatches(b, GROUP_ROOM.tables, { ...at, quantity: Math.ceil(children / 2) + rng.int(1, 3), year });
  inBatches(b, GROUP_ROOM.beds, { ...at, quantity: children + rng.int(0, 3), year });
  b.buy(GROUP_ROOM.lockers, { ...at, quantity: rng.int(2, 3), year });
  b.buy(GROUP_ROOM.shelves, { ...at, quantity: rng.int(3, 6), year });
  for (const corner of [
    GROUP_ROOM.rolePlay,
    GROUP_ROOM.building,
    GROUP_ROOM.art,
    GROUP_ROOM.learning,
    GROUP_ROOM.nature,
  ])
    b.buy(corner, { ...at, year: equipmentYear(rng, b.school) });
  b.buy(GROUP_ROOM.organ, { ...at, year: equipmentYear(rng, b.school) });
  b.buy(GROUP_ROOM.bedding, { ...at, quantity: children + rng.int(0, 3), year: equipmentYear(rng, b.school) });
  b.buy(GROUP_ROOM.towelRack, { ...at, quantity: 2, year });
  for (const line of [GROUP_ROOM.shoeRack, GROUP_ROOM.waterHeater, GROUP_ROOM.waterJar, GROUP_ROOM.hygiene])
    b.buy(line, { ...at, quantity: rng.int(1, 2), year: equipmentYear(rng, b.school) });
  b.buy(GROUP_ROOM.fans, { ...at, quantity: rng.int(3, 4), year });
  b.buy(GROUP_ROOM.waterFilter, { ...at, year: equipmentYear(rng, b.school) });
}

/** Furniture and fittings are replaced a batch at a time: half the rooms have two lots of different years. */
function inBatches(b: RegisterBuilder, line: CatalogueItem, p: Purchase & { quantity: number }): void {
  const { rng } = b;
  const replaced = p.quantity >= 4 && rng.chance(0.5) ? rng.int(1, Math.floor(p.quantity / 2)) : 0;
  b.buy(line, { ...p, quantity: p.quantity - replaced });
  b.buy(line, { ...p, quantity: replaced, year: equipmentYear(rng, b.school) });
}

/** Computer rooms by level (a secondary school of many classes has two or three). */
function computerRooms(school: RegisterSchool, classCount: number): number {
  let n = 0;
  for (const level of school.levels) {
    if (level === 'PRIMARY' || level === 'CONTINUING_EDUCATION') n += 1;
    if (level === 'LOWER_SECONDARY') n += classCount >= 10 ? 2 : 1;
    if (level === 'UPPER_SECONDARY') n += classCount >= 24 ? 3 : 2;
  }
  return Math.min(n, 3);
}

/** A computer room bought in one batch: every desktop carries the same day and hand-over record. */
function computerRoom(b: RegisterBuilder, n: number): void {
  const { rng } = b;
  const place = b.location('Nhà chức năng', `Phòng Tin học ${n}`);
  const at = { location: place, responsible: 'Giáo viên Tin học' };
  const day = dayInUse(rng, equipmentYear(rng, b.school, 2025));
  const seats = b.school.levels.includes('PRIMARY') ? rng.int(20, 30) : rng.int(24, 36);
  b.buy(COMPUTER_ROOM.desktop, { ...at, quantity: seats + 1, day });
  b.buy(COMPUTER_ROOM.projector, { ...at, day });
  b.buy(COMPUTER_ROOM.network, { ...at, day });
  b.buy(COMPUTER_ROOM.desks, { ...at, quantity: seats + 1, day });
  b.buy(COMPUTER_ROOM.airConditioner, { ...at, quantity: 2, year: equipmentYear(rng, b.school) });
}

/**
 * The states a register always has: an old office machine broken beyond repair awaiting disposal (no longer worn,
 * Art. 11.3), and one liquidated in October 2025 by the principal's decision, with its proceeds (before December:
 * no wear for 2025).
 */
function retireSome(b: RegisterBuilder): void {
  const { rng } = b;
  // Old machines: office equipment first, then any other machine of a young school's first years.
  const machines = ['OFFICE_EQUIPMENT', 'AIR_CONDITIONER', 'TEACHING_EQUIPMENT', 'OTHER_MACHINERY'];
  const oldOf = (categories: string[]) =>
    b.assets.filter((a) => a.kind === 'FIXED' && categories.includes(a.categoryCode) && a.inUseOn < '2021-01-01');
  const office = oldOf(machines.slice(0, 1));
  const old = office.length >= 2 ? office : oldOf(machines);
  const broken = old.length ? old[rng.int(0, old.length - 1)] : null;
  if (broken) {
    broken.condition = 'BROKEN';
    broken.status = 'AWAITING_DISPOSAL';
    broken.note = 'Hỏng, sửa chữa không hiệu quả; đề nghị thanh lý';
    broken.events.push({
      kind: 'STATUS_CHANGED',
      effectiveOn: '2026-10-12',
      details: { from: 'IN_USE', to: 'AWAITING_DISPOSAL', condition: 'BROKEN' },
      costAfter: null,
    });
  }
  const candidates = old.filter((a) => a !== broken);
  const sold = candidates.length ? candidates[rng.int(0, candidates.length - 1)] : null;
  if (!sold) return;
  const decisionDate = '2025-10-08';
  sold.status = 'DISPOSED';
  sold.condition = 'BROKEN';
  sold.disposedOn = '2025-10-20';
  sold.disposal = {
    id: rng.uuid(),
    method: 'LIQUIDATION',
    decisionNumber: `${rng.int(20, 90)}/QĐ-${b.school.code.replace(/-/g, '')}`,
    decisionDate,
    proceeds: roundTo(rng.int(200_000, 1_500_000), 50_000),
  };
}
