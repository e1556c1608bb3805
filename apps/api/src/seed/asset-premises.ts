import { SchoolLevel } from '@emis/domain';
import {
  CAR,
  EQUIPMENT_SUBJECTS,
  FUNCTION_ROOMS,
  HEALTH_ROOM,
  KITCHEN_AND_YARD,
  OFFICE,
  PROGRAMME_2018_YEAR,
  SOFTWARE,
} from './asset-catalogue';
import {
  dayInUse,
  equipmentYear,
  RegisterBuilder,
  RegisterClass,
  REGISTER_FROM_YEAR,
  roundTo,
  SeedLocation,
} from './asset-register-builder';

const BN = 1_000_000_000;

/**
 * The school's land and works: the land-use right (not worn), the classroom blocks, the office block, the smaller
 * buildings, the fence and the yard, a car for some upper-secondary schools. The oldest works predate the register
 * in Emis and carry the wear of the paper books.
 */
export function addPremises(b: RegisterBuilder, rooms: number, preschool: boolean): void {
  const { rng, school } = b;
  const founded = school.foundedYear ?? 1995;
  const campus = b.location('Khuôn viên trường', 'Toàn trường');
  const yard = b.location('Khuôn viên trường', 'Sân trường');
  const area = preschool ? rng.int(2500, 6000) : rng.int(6000, 18000);
  b.build(
    {
      name: `Quyền sử dụng đất khuôn viên trường (${area.toLocaleString('vi-VN')} m²)`,
      category: 'LAND_USE_RIGHT',
      unit: 'thửa',
    },
    roundTo(area * rng.int(900_000, 2_800_000), 1_000_000),
    Math.max(founded, 1990),
    { location: campus },
  );
  const floors = rooms > 12 ? 3 : 2;
  const blocks = rooms > 15 ? 2 : 1;
  for (let k = 0; k < blocks; k++) {
    const perBlock = Math.ceil(rooms / blocks);
    const year = k === 0 ? rng.int(Math.max(founded, 1998), 2014) : rng.int(Math.max(founded, 2016), 2023);
    const block = b.build(
      {
        name: `${preschool ? 'Nhà lớp học mẫu giáo' : 'Nhà lớp học'} ${floors} tầng ${perBlock + rng.int(0, 3)} phòng${blocks > 1 ? ` (khu ${'AB'[k]})` : ''}`,
        category: 'SCHOOL_BUILDING',
        unit: 'công trình',
      },
      roundTo(perBlock * rng.int(260, 420) * 1_000_000, 1000) + rng.int(0, 999) * 1000,
      year,
      { location: campus },
    );
    // A block of the paper years renovated since: the upgrade raises the cost and the wear of later years.
    if (year < 2016 && rng.chance(0.45)) {
      const on = dayInUse(rng, rng.int(2019, 2024));
      b.changeCost(
        block,
        'UPGRADE',
        on,
        block.cost + roundTo(block.cost * (0.08 + rng.next() * 0.12), 1000),
        'Cải tạo, nâng cấp mái, chống thấm và hệ thống điện',
      );
    }
  }
  b.build(
    { name: 'Nhà hiệu bộ 2 tầng', category: 'SCHOOL_BUILDING', unit: 'công trình' },
    roundTo(rng.int(1.6 * BN, 4.2 * BN), 1000),
    rng.int(Math.max(founded, 2003), 2019),
    { location: campus },
  );
  if (!preschool)
    b.build(
      {
        name: 'Nhà chức năng (thư viện, phòng bộ môn, phòng tin học)',
        category: 'SCHOOL_BUILDING',
        unit: 'công trình',
      },
      roundTo(rng.int(2.8 * BN, 6.5 * BN), 1000),
      rng.int(Math.max(founded, 2010), 2024),
      { location: campus },
    );
  if (!preschool && rng.chance(0.35))
    b.build(
      { name: 'Nhà tập đa năng', category: 'SCHOOL_BUILDING', unit: 'công trình' },
      roundTo(rng.int(3 * BN, 6.8 * BN), 1000),
      rng.int(Math.max(founded, REGISTER_FROM_YEAR), 2025),
      { location: campus },
    );
  if (preschool)
    b.build(
      { name: 'Bếp ăn một chiều', category: 'OTHER_BUILDING', unit: 'công trình' },
      roundTo(rng.int(0.6 * BN, 1.5 * BN), 1000),
      rng.int(Math.max(founded, 2008), 2022),
      { location: campus },
    );
  const small: [string, number, number][] = [
    ['Nhà để xe giáo viên và học sinh', 0.22, 0.8],
    ['Nhà bảo vệ', 0.1, 0.3],
    ['Nhà vệ sinh học sinh', 0.35, 0.95],
  ];
  for (const [name, low, high] of small)
    b.build(
      { name, category: 'OTHER_BUILDING', unit: 'công trình' },
      roundTo(rng.int(low * BN, high * BN), 1000),
      rng.int(Math.max(founded, 2005), 2024),
      {
        location: campus,
      },
    );
  b.build(
    { name: 'Tường rào, cổng trường', category: 'STRUCTURE', unit: 'công trình' },
    roundTo(rng.int(0.45 * BN, 1.6 * BN), 1000),
    rng.int(Math.max(founded, 2000), 2020),
    { location: campus },
  );
  b.build(
    {
      name: preschool ? 'Sân chơi ngoài trời' : 'Sân trường, sân thể thao',
      category: 'SPORTS_GROUND',
      unit: 'công trình',
    },
    roundTo(rng.int(0.35 * BN, 1.4 * BN), 1000),
    rng.int(Math.max(founded, 2005), 2023),
    { location: yard },
  );
  if (school.levels.includes('UPPER_SECONDARY') && !b.private && rng.chance(0.4))
    b.buy(CAR, { location: campus, responsible: 'Văn phòng', year: rng.int(2016, 2022), funding: 'STATE_BUDGET' });
}

/** The offices, function rooms, kitchen and yard equipment, software and each grade's teaching equipment. */
export function addSchoolWide(b: RegisterBuilder, classes: readonly RegisterClass[], preschool: boolean): void {
  const { rng, school } = b;
  const year = () => equipmentYear(rng, school);
  const office = (room: string, responsible: string) => ({ location: b.location('Nhà hiệu bộ', room), responsible });
  const head = office('Phòng Hiệu trưởng', 'Hiệu trưởng');
  b.buy(OFFICE.laptop, { ...head, year: year() });
  b.buy(OFFICE.printer, { ...head, year: year() });
  b.buy(OFFICE.airConditioner, { ...head, year: year() });
  b.buy(OFFICE.desks, { ...head, year: year() });
  b.buy(OFFICE.filing, { ...head, quantity: 2, year: year() });
  const deputy = office('Phòng Phó Hiệu trưởng', 'Phó Hiệu trưởng');
  b.buy(OFFICE.laptop, { ...deputy, quantity: classes.length > 14 ? 2 : 1, year: year() });
  b.buy(OFFICE.printer, { ...deputy, year: year() });
  b.buy(OFFICE.airConditioner, { ...deputy, year: year() });
  b.buy(OFFICE.desks, { ...deputy, quantity: 2, year: year() });
  const desk = office('Văn phòng', 'Văn thư');
  b.buy(OFFICE.desktop, { ...desk, quantity: 2, year: year() });
  b.buy(OFFICE.printer, { ...desk, quantity: rng.int(1, 2), year: year() });
  b.buy(OFFICE.photocopier, { ...desk, year: year() });
  if (rng.chance(0.5)) b.buy(OFFICE.scanner, { ...desk, year: year() });
  if (rng.chance(0.4)) b.buy(OFFICE.colourPrinter, { ...desk, year: year() });
  b.buy(OFFICE.airConditioner, { ...desk, year: year() });
  b.buy(OFFICE.desks, { ...desk, quantity: 3, year: year() });
  b.buy(OFFICE.chairs, { ...desk, quantity: rng.int(6, 10), year: year() });
  b.buy(OFFICE.filing, { ...desk, quantity: rng.int(3, 5), year: year() });
  b.buy(OFFICE.cameras, { ...desk, year: year() });
  b.buy(OFFICE.extinguishers, { ...desk, quantity: rng.int(8, 16), year: year() });
  for (const line of [OFFICE.shredder, OFFICE.telephone, OFFICE.noticeBoard]) b.buy(line, { ...desk, year: year() });
  const accounts = office('Phòng Kế toán', 'Kế toán');
  b.buy(OFFICE.desktop, { ...accounts, quantity: rng.int(1, 2), year: year() });
  b.buy(OFFICE.printer, { ...accounts, year: year() });
  b.buy(OFFICE.airConditioner, { ...accounts, year: year() });
  b.buy(OFFICE.filing, { ...accounts, quantity: 2, year: year() });
  b.buy(SOFTWARE.accounting, { ...accounts, year: year() });
  b.buy(OFFICE.safe, { ...accounts, year: year() });
  const health = office('Phòng Y tế', 'Nhân viên y tế');
  for (const line of Object.values(HEALTH_ROOM)) b.buy(line, { ...health, quantity: rng.int(1, 2), year: year() });
  const staffRoom = office('Phòng Hội đồng', 'Hiệu trưởng');
  b.buy(OFFICE.meetingTable, { ...staffRoom, quantity: rng.int(10, 22), year: year() });
  b.buy(OFFICE.airConditioner, { ...staffRoom, quantity: 2, year: year() });
  b.buy(OFFICE.sound, { ...staffRoom, year: year() });
  // Laptops lent to teachers for their lessons (about one for two classes), kept in the staff room.
  b.buy(OFFICE.laptop, {
    ...staffRoom,
    quantity: Math.ceil(classes.length / 2),
    year: year(),
    name: 'Máy tính xách tay giáo viên',
  });
  if (rng.chance(0.4)) b.buy(OFFICE.generator, { ...office('Khu kỹ thuật', 'Bảo vệ'), year: year() });
  b.buy(OFFICE.pump, { ...office('Khu kỹ thuật', 'Bảo vệ'), year: year() });
  if (preschool) {
    kitchenAndYard(b);
    yearlyBooks(b, { location: b.location('Nhà hiệu bộ', 'Văn phòng'), responsible: 'Văn thư' });
  } else functionRooms(b, classes);
  teachingEquipment(b, classes);
}

/** Books come a lot a year: the library's purchase of each year since the register opened. */
function yearlyBooks(b: RegisterBuilder, at: { location: SeedLocation; responsible: string }): void {
  for (let year = Math.max(REGISTER_FROM_YEAR, b.school.foundedYear ?? 0); year <= 2026; year++)
    b.buy(FUNCTION_ROOMS.books, {
      ...at,
      quantity: b.rng.int(80, 600),
      year,
      name: `${FUNCTION_ROOMS.books.name} (mua năm ${year})`,
    });
}

function kitchenAndYard(b: RegisterBuilder): void {
  const { rng, school } = b;
  const kitchen = { location: b.location('Bếp ăn một chiều', 'Bếp'), responsible: 'Tổ cấp dưỡng' };
  b.buy(KITCHEN_AND_YARD.riceCabinet, { ...kitchen, quantity: rng.int(1, 2), year: equipmentYear(rng, school) });
  b.buy(KITCHEN_AND_YARD.dishDryer, { ...kitchen, year: equipmentYear(rng, school) });
  b.buy(KITCHEN_AND_YARD.fridge, { ...kitchen, year: equipmentYear(rng, school) });
  b.buy(KITCHEN_AND_YARD.stove, { ...kitchen, quantity: 2, year: equipmentYear(rng, school) });
  const yard = { location: b.location('Khuôn viên trường', 'Sân trường'), responsible: 'Phó Hiệu trưởng' };
  b.buy(KITCHEN_AND_YARD.playground, { ...yard, year: equipmentYear(rng, school) });
  b.buy(KITCHEN_AND_YARD.swings, { ...yard, quantity: rng.int(2, 4), year: equipmentYear(rng, school) });
}

function functionRooms(b: RegisterBuilder, classes: readonly RegisterClass[]): void {
  const { rng, school } = b;
  const year = () => equipmentYear(rng, school);
  const room = (name: string, responsible: string) => ({ location: b.location('Nhà chức năng', name), responsible });
  const library = room('Thư viện', 'Nhân viên thư viện');
  yearlyBooks(b, library);
  for (const grade of new Set(classes.map((c) => c.grade)))
    b.buy(FUNCTION_ROOMS.textbooks, {
      ...library,
      quantity: rng.int(40, 120),
      year: Math.max(PROGRAMME_2018_YEAR[grade] ?? 2022, school.foundedYear ?? 0),
      name: `Sách giáo khoa dùng chung lớp ${grade}`,
    });
  b.buy(FUNCTION_ROOMS.bookshelves, { ...library, quantity: rng.int(6, 14), year: year() });
  b.buy(FUNCTION_ROOMS.readingTables, { ...library, quantity: rng.int(8, 16), year: year() });
  b.buy(OFFICE.desktop, { ...library, year: year() });
  b.buy(OFFICE.airConditioner, { ...library, year: year() });
  if (rng.chance(0.6)) b.buy(SOFTWARE.library, { ...library, year: year() });
  const secondary = school.levels.some((l) => l !== 'PRIMARY');
  if (secondary && rng.chance(0.5))
    b.buy(SOFTWARE.lessons, { ...room('Phòng Thiết bị', 'Nhân viên thiết bị'), year: year() });
  if (school.levels.includes('PRIMARY') || school.levels.includes('LOWER_SECONDARY')) {
    const music = room('Phòng Âm nhạc', 'Giáo viên Âm nhạc');
    b.buy(FUNCTION_ROOMS.organ, { ...music, quantity: rng.int(1, 2), year: year() });
    if (rng.chance(0.5)) b.buy(FUNCTION_ROOMS.piano, { ...music, year: year() });
    b.buy(FUNCTION_ROOMS.easels, {
      ...room('Phòng Mĩ thuật', 'Giáo viên Mĩ thuật'),
      quantity: rng.int(20, 40),
      year: year(),
    });
  }
  const labs = school.levels.includes('UPPER_SECONDARY')
    ? ['Phòng thí nghiệm Vật lí', 'Phòng thí nghiệm Hóa học', 'Phòng thí nghiệm Sinh học']
    : school.levels.includes('LOWER_SECONDARY')
      ? ['Phòng học bộ môn Khoa học tự nhiên']
      : [];
  for (const name of labs) {
    const lab = room(name, 'Nhân viên thiết bị');
    b.buy(FUNCTION_ROOMS.labBenches, { ...lab, quantity: rng.int(10, 14), year: year() });
    if (name.includes('Hóa') || name.includes('Khoa học')) b.buy(FUNCTION_ROOMS.fumeHood, { ...lab, year: year() });
    if (name.includes('Sinh') || name.includes('Khoa học'))
      b.buy(FUNCTION_ROOMS.microscopes, { ...lab, quantity: rng.int(12, 24), year: year() });
  }
  const sports = {
    location: b.location('Khuôn viên trường', 'Sân trường'),
    responsible: 'Giáo viên Giáo dục thể chất',
  };
  for (const line of FUNCTION_ROOMS.sports) b.buy(line, { ...sports, quantity: rng.int(2, 12), year: year() });
  b.buy(FUNCTION_ROOMS.tableTennis, { ...sports, quantity: Math.min(6, Math.ceil(classes.length / 6)), year: year() });
}

/**
 * Each grade's minimum teaching equipment, subject by subject (a set for up to three classes of the grade), bought
 * the year the 2018 programme reached the grade (a school founded later bought it when it opened). Preschool groups have theirs in the group room.
 */
function teachingEquipment(b: RegisterBuilder, classes: readonly RegisterClass[]): void {
  const { rng, school } = b;
  const store = { location: b.location('Nhà chức năng', 'Phòng Thiết bị'), responsible: 'Nhân viên thiết bị' };
  const grades = [...new Set(classes.map((c) => c.grade))];
  for (const grade of grades) {
    const level = gradeLevel(grade);
    if (!level) continue;
    const since = Math.max(PROGRAMME_2018_YEAR[grade], school.foundedYear ?? 0);
    const sets = Math.ceil(classes.filter((c) => c.grade === grade).length / 3);
    for (const subject of EQUIPMENT_SUBJECTS[level]) {
      const name = `Thiết bị dạy học tối thiểu môn ${subject.name} lớp ${grade}`;
      b.buy(subject, {
        ...store,
        quantity: sets,
        day: `${Math.min(since, 2026)}-08-${String(rng.int(5, 28)).padStart(2, '0')}`,
        name,
      });
      // Half the lists were topped up in a later summer (items worn out, classes added).
      if (since < 2026 && rng.chance(0.5))
        b.buy(subject, {
          ...store,
          day: `${rng.int(since + 1, 2026)}-08-${String(rng.int(5, 28)).padStart(2, '0')}`,
          name: `${name} (bổ sung)`,
        });
    }
  }
}

function gradeLevel(grade: string): Exclude<SchoolLevel, 'PRESCHOOL' | 'CONTINUING_EDUCATION'> | null {
  const n = Number(grade);
  if (!Number.isInteger(n)) return null;
  return n <= 5 ? 'PRIMARY' : n <= 9 ? 'LOWER_SECONDARY' : 'UPPER_SECONDARY';
}
