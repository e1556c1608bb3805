// The shape of a full-scale province, before any person exists: the department, the commune/ward People's
// Committees that run preschool, primary and lower-secondary schools since 1 July 2025, the schools with their
// levels, and how many pupils each school and each class has. Deterministic: every draw comes from the one seeded
// stream of run.mjs, in a fixed order (one stream, so no two generated UUIDs can coincide, which separately seeded
// streams of a 32-bit generator would do by the hundreds at this scale).

/**
 * Share of schools per kind (the brief of issue #5): primary ~45 %, lower secondary ~30 %, upper secondary ~10 %,
 * preschool ~10 %, the rest multi-level schools and continuing-education centres. `size` is a school's relative
 * number of pupils (an upper-secondary school is about 2.5 times a primary one).
 */
const KINDS = [
  { key: 'PRIMARY', levels: ['PRIMARY'], share: 0.45, size: 1.0, prefix: 'TH', title: 'Trường Tiểu học' },
  { key: 'LOWER', levels: ['LOWER_SECONDARY'], share: 0.3, size: 0.95, prefix: 'THCS', title: 'Trường THCS' },
  {
    key: 'UPPER',
    levels: ['UPPER_SECONDARY'],
    share: 0.1,
    size: 2.5,
    prefix: 'THPT',
    title: 'Trường THPT',
    direct: true,
  },
  { key: 'PRESCHOOL', levels: ['PRESCHOOL'], share: 0.1, size: 0.8, prefix: 'MN', title: 'Trường Mầm non' },
  {
    key: 'PRIMARY_LOWER',
    levels: ['PRIMARY', 'LOWER_SECONDARY'],
    share: 0.025,
    size: 1.4,
    prefix: 'TH-THCS',
    title: 'Trường Tiểu học và THCS',
  },
  {
    key: 'LOWER_UPPER',
    levels: ['LOWER_SECONDARY', 'UPPER_SECONDARY'],
    share: 0.01,
    size: 1.8,
    prefix: 'THCS-THPT',
    title: 'Trường THCS và THPT',
    direct: true,
  },
  {
    key: 'CONTINUING',
    levels: ['CONTINUING_EDUCATION'],
    share: 0.015,
    size: 0.5,
    prefix: 'GDTX',
    title: 'Trung tâm GDNN-GDTX',
    direct: true,
  },
];

/** Pupils per class aimed at, and the most a class takes before another one opens (charters' ceilings). */
const TARGET = { PRESCHOOL: 26, PRIMARY: 32, LOWER_SECONDARY: 40, UPPER_SECONDARY: 40 };
const AGE_GROUP_WEIGHT = { NT: 0.6, MG3: 1, MG4: 1.1, MG5: 1.2 };
/** Continuing-education centres teach mostly the upper-secondary programme. */
const CONTINUING_WEIGHT = { 6: 0.3, 7: 0.3, 8: 0.3, 9: 0.4, 10: 1.2, 11: 1.1, 12: 1 };
const LETTERS = 'ABCDEGHIKLMNOPQRSTUVXY';

const PLACE_FIRST = [
  'Như',
  'Lạc',
  'Tân',
  'Đông',
  'Minh',
  'Hồng',
  'Việt',
  'Quang',
  'Phú',
  'An',
  'Thái',
  'Bình',
  'Nghĩa',
  'Đức',
  'Hòa',
  'Thuận',
  'Vĩnh',
  'Kim',
  'Ngọc',
  'Hưng',
  'Trung',
  'Đại',
  'Long',
  'Xuân',
  'Thanh',
  'Tiên',
  'Văn',
  'Phụng',
  'Liên',
  'Quỳnh',
  'Hải',
  'Tam',
];
const PLACE_SECOND = [
  'Quỳnh',
  'Hồng',
  'Đạo',
  'Tiến',
  'Kết',
  'Châu',
  'Lãm',
  'Hà',
  'Hải',
  'Phong',
  'Thịnh',
  'Long',
  'Sơn',
  'Thành',
  'Yên',
  'Mỹ',
  'Lợi',
  'Xuyên',
  'Lộc',
  'Phúc',
  'Nam',
  'Bắc',
  'Hưng',
  'Hòa',
  'Lâm',
  'Khê',
  'Cầu',
  'Giang',
  'Tân',
  'Bình',
  'Trạch',
  'Vũ',
];

/** Largest-remainder rounding: integers proportional to `weights` that add up to exactly `total`. */
export function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - out[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k += 1) out[order[k][1]] += 1;
  return out;
}

function shuffle(rng, items) {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Unique commune names from two syllables ("Như Quỳnh", "Tân Lập"…), numbered once the pairs run out. */
function placeNames(rng, count) {
  const pairs = shuffle(
    rng,
    PLACE_FIRST.flatMap((a) => PLACE_SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`)),
  );
  return Array.from({ length: count }, (_, i) =>
    i < pairs.length ? pairs[i] : `${pairs[i % pairs.length]} ${Math.floor(i / pairs.length) + 1}`,
  );
}

/**
 * The org units and schools: one People's Committee of a commune or ward per ~9 schools (its preschool, primary
 * and lower-secondary schools), upper-secondary schools and centres directly under the department.
 */
export function planProvince(rng, { schools: schoolCount, students: studentCount }, personName) {
  const counts = apportion(
    schoolCount,
    KINDS.map((k) => k.share),
  );
  const kinds = shuffle(
    rng,
    KINDS.flatMap((k, i) => Array.from({ length: counts[i] }, () => k)),
  );
  const localCount = kinds.filter((k) => !k.direct).length;
  const unitCount = Math.max(1, Math.ceil(localCount / 9));
  const places = placeNames(rng, unitCount + schoolCount);
  const department = {
    id: rng.uuid(),
    code: 'SGDDT-HY',
    kind: 'DEPARTMENT',
    name: 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên',
  };
  // The southern half (the former Thái Bình province) registers births under 034, the northern half under 033.
  const units = Array.from({ length: unitCount }, (_, i) => ({
    id: rng.uuid(),
    code: `UBND-${String(i + 1).padStart(3, '0')}`,
    place: places[i],
    province: i % 5 < 3 ? '033' : '034',
    name: `Ủy ban nhân dân ${rng.chance(0.7) ? 'xã' : 'phường'} ${places[i]}`,
  }));
  const serial = {};
  const taken = new Set();
  const schools = kinds.map((kind, i) => {
    const unit = kind.direct ? null : units[i % unitCount];
    const place = unit ? unit.place : places[unitCount + i];
    serial[kind.prefix] = (serial[kind.prefix] ?? 0) + 1;
    let name = `${kind.title} ${place}`;
    for (let k = 0; taken.has(name); k += 1) name = `${kind.title} ${place} ${LETTERS[k]}`;
    taken.add(name);
    const commune = unit ? unit.name.replace('Ủy ban nhân dân ', '') : `phường ${place}`;
    return {
      index: i,
      id: rng.uuid(),
      code: `${kind.prefix}-${String(serial[kind.prefix]).padStart(4, '0')}`,
      name,
      kind: kind.key,
      levels: kind.levels,
      parentId: unit ? unit.id : department.id,
      province: unit ? unit.province : rng.chance(0.6) ? '033' : '034',
      ownership: rng.chance(kind.key === 'PRESCHOOL' ? 0.2 : 0.04) ? 'PRIVATE' : 'PUBLIC',
      address: `${commune[0].toUpperCase()}${commune.slice(1)}, tỉnh Hưng Yên`,
      phone: `0221${String(rng.int(3_000_000, 3_999_999))}`,
      principal: personName(rng, rng.chance(0.55) ? 'FEMALE' : 'MALE', undefined, 1975),
      founded: rng.int(1955, 2020),
      size: kind.size * (0.55 + 0.9 * rng.next()),
    };
  });
  const pupils = apportion(
    studentCount,
    schools.map((s) => s.size),
  );
  schools.forEach((s, i) => {
    s.pupils = pupils[i];
  });
  return { department, units, schools };
}

/**
 * A school's classes for 2026-2027: its pupils shared out over its grades, each grade split into classes of about
 * TARGET pupils (25–45 in general education; fewer only where a small school's whole grade is fewer) and never above
 * the charter's ceiling (preschool groups by age).
 */
export function planClasses(rng, school, { gradesOfSchool, levelOfGrade, CLASS_SIZE_CEILING }) {
  const grades = gradesOfSchool(school.levels);
  const weights = grades.map(
    (g) =>
      (AGE_GROUP_WEIGHT[g] ?? (school.kind === 'CONTINUING' ? CONTINUING_WEIGHT[g] : 1)) * (0.85 + 0.3 * rng.next()),
  );
  const perGrade = apportion(school.pupils, weights);
  return grades.flatMap((grade, g) => {
    const level = levelOfGrade(grade);
    const n = perGrade[g];
    if (n === 0) return [];
    const ceiling = CLASS_SIZE_CEILING[grade];
    const count = Math.max(1, Math.min(Math.round(n / TARGET[level]), Math.floor(n / 25)), Math.ceil(n / ceiling));
    return classSizes(rng, n, count, ceiling).map((size, i) => ({
      id: rng.uuid(),
      name: className(grade, i),
      grade,
      level,
      size,
      room:
        level === 'PRESCHOOL'
          ? `Nhóm ${className(grade, i)}`
          : `P.${rng.int(1, 3)}${String(rng.int(1, 30)).padStart(2, '0')}`,
      programme: level === 'PRESCHOOL' ? 'Chương trình Giáo dục mầm non' : 'Chương trình GDPT 2018',
    }));
  });
}

/** `n` pupils in `count` classes: an even split, then a pupil or two moved between neighbours, within the ceiling. */
function classSizes(rng, n, count, ceiling) {
  const sizes = apportion(
    n,
    Array.from({ length: count }, () => 1),
  );
  for (let i = 1; i < count; i += 1) {
    const d = rng.int(-2, 2);
    if (sizes[i] + d <= ceiling && sizes[i - 1] - d <= ceiling && sizes[i] + d > 0 && sizes[i - 1] - d > 0) {
      sizes[i] += d;
      sizes[i - 1] -= d;
    }
  }
  return sizes;
}

/** NT1, MG5A, 3B, 6A, 10A1 — as the demo names them (the letters of the Vietnamese alphabet). */
function className(grade, i) {
  if (grade === 'NT') return `NT${i + 1}`;
  if (grade.startsWith('MG') || Number(grade) < 10) return `${grade}${LETTERS[i] ?? `A${i + 1}`}`;
  return `${grade}A${i + 1}`;
}
