import { OrgUnitKind, Role, SchoolLevel, SchoolOwnership } from '@emis/domain';

/**
 * A demo province shaped like Hưng Yên after the 2025 merger: the department, three district bureaus of the old
 * shape (still grouping their schools), one ward People's Committee of the new shape (schools moved there on
 * 1 July 2025), and 30 schools of every level.
 */
export interface SeedUnit {
  code: string;
  parent: string | null;
  kind: OrgUnitKind;
  name: string;
  levels?: SchoolLevel[];
  ownership?: SchoolOwnership;
  active?: boolean;
  address?: string;
  phone?: string;
  principal?: string;
  founded?: number;
  /** Earlier parent, until 30 June 2025. */
  formerParent?: string;
}

const U: SchoolLevel = 'UPPER_SECONDARY';
const L: SchoolLevel = 'LOWER_SECONDARY';
const P: SchoolLevel = 'PRIMARY';
const K: SchoolLevel = 'PRESCHOOL';
const C: SchoolLevel = 'CONTINUING_EDUCATION';

export const DEMO_UNITS: SeedUnit[] = [
  { code: 'SGDDT-HY', parent: null, kind: 'DEPARTMENT', name: 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên' },
  { code: 'PGD-VL', parent: 'SGDDT-HY', kind: 'UNIT', name: 'Phòng Giáo dục và Đào tạo huyện Văn Lâm' },
  { code: 'PGD-KC', parent: 'SGDDT-HY', kind: 'UNIT', name: 'Phòng Giáo dục và Đào tạo huyện Khoái Châu' },
  { code: 'PGD-TB', parent: 'SGDDT-HY', kind: 'UNIT', name: 'Phòng Giáo dục và Đào tạo thành phố Thái Bình' },
  {
    code: 'PGD-HY',
    parent: 'SGDDT-HY',
    kind: 'UNIT',
    name: 'Phòng Giáo dục và Đào tạo thành phố Hưng Yên (đến 30/6/2025)',
    active: false,
  },
  { code: 'UBND-SN', parent: 'SGDDT-HY', kind: 'UNIT', name: 'Ủy ban nhân dân phường Sơn Nam' },

  {
    code: 'THPT-CHY',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Chuyên Hưng Yên',
    levels: [U],
    address: 'Đường Chu Mạnh Trinh, phường Phố Hiến',
    phone: '02213863456',
    principal: 'Nguyễn Thị Thanh Hà',
    founded: 1997,
  },
  {
    code: 'THPT-VL',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Văn Lâm',
    levels: [U],
    address: 'Xã Như Quỳnh',
    phone: '02213985123',
    principal: 'Đặng Văn Khải',
    founded: 1965,
  },
  {
    code: 'THPT-TV',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Trưng Vương',
    levels: [U],
    address: 'Xã Như Quỳnh',
    phone: '02213986234',
    principal: 'Lương Thị Thu',
    founded: 1978,
  },
  {
    code: 'THPT-KC',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Khoái Châu',
    levels: [U],
    address: 'Xã Khoái Châu',
    phone: '02213910345',
    principal: 'Hoàng Văn Phúc',
    founded: 1961,
  },
  {
    code: 'THPT-CTB',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Chuyên Thái Bình',
    levels: [U],
    address: 'Đường Hoàng Văn Thái, phường Trần Lãm',
    phone: '02273831456',
    principal: 'Bùi Thị Hồng Nhung',
    founded: 1968,
  },
  {
    code: 'THPT-NDC',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Nguyễn Đức Cảnh',
    levels: [U],
    address: 'Phường Trần Lãm',
    phone: '02273846567',
    principal: 'Trịnh Quang Minh',
    founded: 1994,
  },
  {
    code: 'THPT-TL',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường THPT Tiên Lữ',
    levels: [U],
    address: 'Xã Tiên Lữ',
    phone: '02213870678',
    principal: 'Phan Thị Duyên',
    founded: 1960,
  },
  {
    code: 'GDTX-HY',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trung tâm Giáo dục thường xuyên tỉnh Hưng Yên',
    levels: [C],
    address: 'Phường Hiến Nam',
    phone: '02213862789',
    principal: 'Ngô Văn Tài',
    founded: 1985,
  },
  {
    code: 'GDTX-VL',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trung tâm GDNN-GDTX huyện Văn Lâm',
    levels: [C],
    address: 'Xã Lạc Đạo',
    phone: '02213987890',
    principal: 'Đinh Thị Hoa',
    founded: 1992,
  },
  {
    code: 'PT-DTD',
    parent: 'SGDDT-HY',
    kind: 'SCHOOL',
    name: 'Trường Phổ thông nhiều cấp học Đoàn Thị Điểm Ecopark',
    levels: [P, L, U],
    ownership: 'PRIVATE',
    address: 'Khu đô thị Ecopark, xã Văn Giang',
    phone: '02436989901',
    principal: 'Lê Thị Ngọc Ánh',
    founded: 2014,
  },

  {
    code: 'MN-NQ',
    parent: 'PGD-VL',
    kind: 'SCHOOL',
    name: 'Trường Mầm non Như Quỳnh',
    levels: [K],
    address: 'Xã Như Quỳnh',
    phone: '02213985012',
    principal: 'Nguyễn Thị Lụa',
    founded: 1976,
  },
  {
    code: 'MN-LH',
    parent: 'PGD-VL',
    kind: 'SCHOOL',
    name: 'Trường Mầm non Lạc Hồng',
    levels: [K],
    address: 'Xã Lạc Hồng',
    phone: '02213985023',
    principal: 'Trần Thị Yến',
    founded: 1980,
  },
  {
    code: 'TH-NQA',
    parent: 'PGD-VL',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Như Quỳnh A',
    levels: [P],
    address: 'Xã Như Quỳnh',
    phone: '02213985034',
    principal: 'Phạm Văn Thắng',
    founded: 1959,
  },
  {
    code: 'TH-LD',
    parent: 'PGD-VL',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Lạc Đạo',
    levels: [P],
    address: 'Xã Lạc Đạo',
    phone: '02213985045',
    principal: 'Vũ Thị Bích',
    founded: 1962,
  },
  {
    code: 'THCS-NQ',
    parent: 'PGD-VL',
    kind: 'SCHOOL',
    name: 'Trường THCS Như Quỳnh',
    levels: [L],
    address: 'Xã Như Quỳnh',
    phone: '02213985056',
    principal: 'Phạm Thị Hương',
    founded: 1964,
  },
  {
    code: 'THCS-LH',
    parent: 'PGD-VL',
    kind: 'SCHOOL',
    name: 'Trường THCS Lạc Hồng',
    levels: [L],
    address: 'Xã Lạc Hồng',
    phone: '02213985067',
    principal: 'Đỗ Văn Quân',
    founded: 1969,
  },

  {
    code: 'MN-KC',
    parent: 'PGD-KC',
    kind: 'SCHOOL',
    name: 'Trường Mầm non Thị trấn Khoái Châu',
    levels: [K],
    address: 'Xã Khoái Châu',
    phone: '02213910078',
    principal: 'Lê Thị Thu Trang',
    founded: 1982,
  },
  {
    code: 'TH-BM',
    parent: 'PGD-KC',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Bình Minh',
    levels: [P],
    address: 'Xã Bình Minh',
    phone: '02213910089',
    principal: 'Nguyễn Văn Đức',
    founded: 1966,
  },
  {
    code: 'TH-DT',
    parent: 'PGD-KC',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Dân Tiến',
    levels: [P],
    address: 'Xã Dân Tiến',
    phone: '02213910090',
    principal: 'Hà Thị Kim Oanh',
    founded: 1971,
  },
  {
    code: 'THCS-KC',
    parent: 'PGD-KC',
    kind: 'SCHOOL',
    name: 'Trường THCS Khoái Châu',
    levels: [L],
    address: 'Xã Khoái Châu',
    phone: '02213910101',
    principal: 'Trương Văn Hậu',
    founded: 1963,
  },
  {
    code: 'TH-THCS-DK',
    parent: 'PGD-KC',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học và THCS Đông Kết',
    levels: [P, L],
    address: 'Xã Đông Kết',
    phone: '02213910112',
    principal: 'Mai Thị Phương',
    founded: 2019,
  },

  {
    code: 'MN-HH',
    parent: 'PGD-TB',
    kind: 'SCHOOL',
    name: 'Trường Mầm non Hoa Hồng',
    levels: [K],
    address: 'Phường Trần Hưng Đạo',
    phone: '02273831123',
    principal: 'Phạm Thị Mận',
    founded: 1988,
  },
  {
    code: 'MN-AD',
    parent: 'PGD-TB',
    kind: 'SCHOOL',
    name: 'Trường Mầm non Tư thục Ánh Dương',
    levels: [K],
    ownership: 'PRIVATE',
    address: 'Phường Kỳ Bá',
    phone: '02273831134',
    principal: 'Đào Thị Ngân',
    founded: 2012,
  },
  {
    code: 'TH-KB',
    parent: 'PGD-TB',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Kỳ Bá',
    levels: [P],
    address: 'Phường Kỳ Bá',
    phone: '02273831145',
    principal: 'Vũ Văn Long',
    founded: 1958,
  },
  {
    code: 'TH-LHP',
    parent: 'PGD-TB',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Lê Hồng Phong',
    levels: [P],
    address: 'Phường Lê Hồng Phong',
    phone: '02273831156',
    principal: 'Nguyễn Thị Hạnh',
    founded: 1960,
  },
  {
    code: 'THCS-LQD',
    parent: 'PGD-TB',
    kind: 'SCHOOL',
    name: 'Trường THCS Lê Quý Đôn',
    levels: [L],
    address: 'Phường Trần Lãm',
    phone: '02273831167',
    principal: 'Trần Văn Dũng',
    founded: 1990,
  },
  {
    code: 'THCS-TP',
    parent: 'PGD-TB',
    kind: 'SCHOOL',
    name: 'Trường THCS Trần Phú',
    levels: [L],
    address: 'Phường Bồ Xuyên',
    phone: '02273831178',
    principal: 'Lại Thị Thảo',
    founded: 1972,
  },

  {
    code: 'MN-SN',
    parent: 'UBND-SN',
    kind: 'SCHOOL',
    name: 'Trường Mầm non Sơn Nam',
    levels: [K],
    address: 'Phường Sơn Nam',
    phone: '02213862190',
    principal: 'Cao Thị Huyền',
    founded: 1979,
    formerParent: 'PGD-HY',
  },
  {
    code: 'TH-SN',
    parent: 'UBND-SN',
    kind: 'SCHOOL',
    name: 'Trường Tiểu học Sơn Nam',
    levels: [P],
    address: 'Phường Sơn Nam',
    phone: '02213862201',
    principal: 'Lý Văn Toàn',
    founded: 1961,
    formerParent: 'PGD-HY',
  },
  {
    code: 'THCS-HC',
    parent: 'UBND-SN',
    kind: 'SCHOOL',
    name: 'Trường THCS Hồng Châu',
    levels: [L],
    address: 'Phường Sơn Nam',
    phone: '02213862212',
    principal: 'Quách Thị Nga',
    founded: 1968,
    formerParent: 'PGD-HY',
  },
];

export interface SeedUser {
  username: string;
  fullName: string;
  role: Role;
  unit: string;
}

/** One user for every role; all share DEMO_PASSWORD. Admins enrol a TOTP authenticator at their first sign-in. */
export const DEMO_USERS: SeedUser[] = [
  { username: 'admin.so', fullName: 'Nguyễn Văn Hùng', role: 'DEPARTMENT_ADMIN', unit: 'SGDDT-HY' },
  { username: 'chuyenvien.so', fullName: 'Trần Thị Mai', role: 'DEPARTMENT_OFFICER', unit: 'SGDDT-HY' },
  { username: 'chuyenvien.vanlam', fullName: 'Lê Văn Nam', role: 'UNIT_OFFICER', unit: 'PGD-VL' },
  { username: 'hieutruong.nhuquynh', fullName: 'Phạm Thị Hương', role: 'SCHOOL_ADMIN', unit: 'THCS-NQ' },
  { username: 'ketoan.nhuquynh', fullName: 'Đỗ Thị Lan', role: 'ACCOUNTANT', unit: 'THCS-NQ' },
  { username: 'giaovien.nhuquynh', fullName: 'Vũ Minh Tuấn', role: 'TEACHER', unit: 'THCS-NQ' },
  { username: 'hieutruong.lachong', fullName: 'Đỗ Văn Quân', role: 'SCHOOL_ADMIN', unit: 'THCS-LH' },
];

export const DEMO_PASSWORD = 'Emis@2026';
