import { Gender } from '@emis/domain';
import { SeededRandom } from './seeded-random';

/** Family names weighted roughly by their share in northern Vietnam. */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 34],
  ['Trần', 10],
  ['Lê', 8],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Vũ', 6],
  ['Đặng', 2],
  ['Bùi', 3],
  ['Đỗ', 3],
  ['Hồ', 1],
  ['Ngô', 2],
  ['Dương', 1.5],
  ['Lý', 0.6],
  ['Đinh', 1.5],
  ['Đào', 1.5],
  ['Trịnh', 1.2],
  ['Lương', 0.8],
  ['Mai', 0.8],
  ['Phan', 1.2],
  ['Cao', 0.8],
  ['Tạ', 0.6],
  ['Lại', 0.5],
  ['Quách', 0.3],
  ['Chu', 0.5],
  ['Tô', 0.4],
];

const MIDDLE: Record<Gender, readonly string[]> = {
  MALE: [
    'Văn',
    'Văn',
    'Minh',
    'Đức',
    'Gia',
    'Bảo',
    'Quang',
    'Hoàng',
    'Anh',
    'Hữu',
    'Thành',
    'Tuấn',
    'Trung',
    'Công',
    'Đình',
    'Ngọc',
    'Hải',
    'Xuân',
  ],
  FEMALE: [
    'Thị',
    'Thị',
    'Thu',
    'Ngọc',
    'Minh',
    'Bảo',
    'Khánh',
    'Phương',
    'Thanh',
    'Hải',
    'Gia',
    'Mai',
    'Hồng',
    'Thùy',
    'Kim',
    'Diệu',
    'Lan',
    'Tuệ',
  ],
};

const GIVEN: Record<Gender, readonly string[]> = {
  MALE: [
    'An',
    'Anh',
    'Bảo',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Đức',
    'Dương',
    'Hải',
    'Hiếu',
    'Hoàng',
    'Hùng',
    'Huy',
    'Khang',
    'Khánh',
    'Khoa',
    'Kiên',
    'Lâm',
    'Long',
    'Minh',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phong',
    'Phúc',
    'Quang',
    'Quân',
    'Sơn',
    'Tài',
    'Thắng',
    'Thành',
    'Tiến',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Vinh',
    'Việt',
    'Vũ',
    'Hưng',
    'Lộc',
    'Thịnh',
    'Đăng',
  ],
  FEMALE: [
    'An',
    'Anh',
    'Ánh',
    'Chi',
    'Diệp',
    'Dung',
    'Giang',
    'Hà',
    'Hân',
    'Hằng',
    'Hạnh',
    'Hoa',
    'Huyền',
    'Hương',
    'Lan',
    'Linh',
    'Loan',
    'Ly',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Ngọc',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quỳnh',
    'Thảo',
    'Thư',
    'Trang',
    'Trâm',
    'Uyên',
    'Vân',
    'Vy',
    'Yến',
    'Hiền',
    'Thủy',
    'Tâm',
    'Diễm',
    'Khuê',
    'Châu',
  ],
};

export function familyName(rng: SeededRandom): string {
  return rng.weighted(FAMILY_NAMES);
}

/** A full name; children born after 2005 more often carry two middle names ("Nguyễn Ngọc Bảo Anh"). */
export function personName(rng: SeededRandom, gender: Gender, family = familyName(rng), birthYear = 1985): string {
  const middles = [rng.pick(MIDDLE[gender])];
  if (birthYear >= 2005 && rng.chance(0.25))
    middles.push(rng.pick(MIDDLE[gender].filter((m) => m !== 'Thị' && m !== 'Văn' && m !== middles[0])));
  return [family, ...middles, rng.pick(GIVEN[gender])].join(' ');
}

/** Gender as a Vietnamese name shows it, for the fixed names of the demo data (principals, demo users). */
export function genderOfName(fullName: string): Gender {
  return / Thị /.test(` ${fullName} `) ? 'FEMALE' : 'MALE';
}

const MOBILE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '086',
  '088',
  '070',
  '077',
  '079',
  '081',
  '083',
  '085',
];

export function mobilePhone(rng: SeededRandom): string {
  return `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/**
 * Unique 12-digit personal identification numbers (Circular 59/2021/TT-BCA Art. 7): province of birth registration,
 * century-and-gender digit, two digits of the birth year, a six-digit serial.
 */
export class PersonalIds {
  private readonly issued = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  next(province: string, birthYear: number, gender: Gender): string {
    const centuryGender = (Math.floor(birthYear / 100) - 19) * 2 + (gender === 'FEMALE' ? 1 : 0);
    const prefix = `${province}${centuryGender}${String(birthYear % 100).padStart(2, '0')}`;
    for (;;) {
      const id = `${prefix}${String(this.rng.int(0, 999_999)).padStart(6, '0')}`;
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }
}

export const VILLAGES = [
  'Thôn Đông',
  'Thôn Tây',
  'Thôn Nam',
  'Thôn Bắc',
  'Thôn Trung',
  'Thôn Thượng',
  'Thôn Hạ',
  'Khu phố 1',
  'Khu phố 2',
  'Khu phố 3',
  'Tổ dân phố 4',
  'Tổ dân phố 5',
];

export const OCCUPATIONS = [
  'Nông dân',
  'Công nhân',
  'Kinh doanh tự do',
  'Giáo viên',
  'Công chức',
  'Lao động tự do',
  'Nội trợ',
  'Kỹ sư',
  'Buôn bán',
  'Thợ may',
  'Lái xe',
  'Nhân viên văn phòng',
];
