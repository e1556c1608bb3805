import { SecretBox } from '@emis/api/identity';
import ExcelJS from 'exceljs';
import { bearer, createSchool, createUser, TestApp } from './harness';
import { ADMIN_TOTP_SECRET } from './totp';
import { HANG_GUARD_MS } from './test-env';

/**
 * Workbooks for the import specs, built in code with exceljs (no binary fixtures). Headers are written out here,
 * as a school's file would have them, rather than taken from the implementation.
 */
export const STUDENT_HEADERS = [
  'STT',
  'Mã định danh',
  'Họ và tên',
  'Ngày sinh (dd/mm/yyyy)',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Quốc tịch',
  'Nơi sinh',
  'Địa chỉ thường trú',
  'Chỗ ở hiện nay',
  'Lớp',
  'Đối tượng chính sách',
  'Khuyết tật',
  'Họ tên cha',
  'SĐT cha',
  'Họ tên mẹ',
  'SĐT mẹ',
];

export const STAFF_HEADERS = [
  'Mã định danh',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Điện thoại',
  'Email',
  'Chức vụ',
  'Loại hợp đồng',
  'Mã ngạch',
  'Hệ số lương',
  'Bậc lương',
  'Trình độ',
  'Chuyên ngành',
  'Nơi đào tạo',
  'Năm tốt nghiệp',
  'Môn dạy',
  'Ngày vào ngành',
];

export type Cell = ExcelJS.CellValue;

let serial = 100000 + Math.floor(Math.random() * 300000);
/** A personal id agreeing with the birth year and gender (Circular 59/2021/TT-BCA Art. 7): province 034. */
export function personalId(birthYear: number, gender: 'MALE' | 'FEMALE'): string {
  serial += 1;
  const digit = (birthYear >= 2000 ? 2 : 0) + (gender === 'FEMALE' ? 1 : 0);
  return `034${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial % 1000000).padStart(6, '0')}`;
}

const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Hà',
  'Hoa',
  'Khánh',
  'Linh',
  'Minh',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
];

/** A valid student row: `i` varies the name and the date; `overrides` replaces cells by header. */
export function studentRow(i: number, className: string | null, overrides: Record<string, Cell> = {}): Cell[] {
  const female = i % 2 === 0;
  const values: Record<string, Cell> = {
    STT: i + 1,
    'Mã định danh': personalId(2013, female ? 'FEMALE' : 'MALE'),
    'Họ và tên': `${female ? 'Nguyễn Thị' : 'Trần Văn'} ${GIVEN[i % GIVEN.length]}`,
    'Ngày sinh (dd/mm/yyyy)': `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2013`,
    'Giới tính': female ? 'Nữ' : 'Nam',
    'Dân tộc': i % 10 === 0 ? 'Tày' : 'Kinh',
    'Tôn giáo': null,
    'Quốc tịch': 'Việt Nam',
    'Nơi sinh': 'Hưng Yên',
    'Địa chỉ thường trú': `Thôn ${i % 7}, xã Như Quỳnh`,
    'Chỗ ở hiện nay': null,
    Lớp: className,
    'Đối tượng chính sách': i % 25 === 0 ? 'Hộ nghèo' : null,
    'Khuyết tật': null,
    'Họ tên cha': 'Trần Văn Bình',
    'SĐT cha': '0912345678',
    'Họ tên mẹ': 'Lê Thị Hoa',
    'SĐT mẹ': '0987654321',
    ...overrides,
  };
  return STUDENT_HEADERS.map((h) => values[h] ?? null);
}

export function staffRow(i: number, overrides: Record<string, Cell> = {}): Cell[] {
  const female = i % 2 === 1;
  const values: Record<string, Cell> = {
    'Mã định danh': personalId(1985, female ? 'FEMALE' : 'MALE'),
    'Họ và tên': `${female ? 'Phạm Thị' : 'Lê Văn'} ${GIVEN[i % GIVEN.length]}`,
    'Ngày sinh': '12/03/1985',
    'Giới tính': female ? 'Nữ' : 'Nam',
    'Dân tộc': 'Kinh',
    'Điện thoại': '0912345678',
    Email: `gv${i}@example.edu.vn`,
    'Chức vụ': 'Giáo viên',
    'Loại hợp đồng': 'Biên chế',
    'Mã ngạch': 'V.07.04.32',
    'Hệ số lương': 2.34,
    'Bậc lương': 1,
    'Trình độ': 'Đại học',
    'Chuyên ngành': 'Sư phạm Toán',
    'Nơi đào tạo': 'Trường Đại học Sư phạm Hà Nội',
    'Năm tốt nghiệp': 2007,
    'Môn dạy': 'Toán; Tin học',
    'Ngày vào ngành': '01/09/2007',
    ...overrides,
  };
  return STAFF_HEADERS.map((h) => values[h] ?? null);
}

/** A workbook with the header row and `rows`; `arrange` may change the sheet before it is written. */
export async function workbook(
  headers: string[],
  rows: Cell[][],
  arrange?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  arrange?.(sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function upload(
  t: TestApp,
  token: string,
  schoolId: string,
  kind: 'students' | 'staff' | 'assets',
  file: Buffer,
  name = 'danh-sach.xlsx',
) {
  return t
    .http()
    .post(`/api/schools/${schoolId}/imports/${kind}`)
    .set(bearer(token))
    .attach('file', file, { filename: name, contentType: XLSX_TYPE });
}

/** The job as the API answers it, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response body read only by expect()
export type JobBody = Record<string, any>;

/** Polls the job until it is DONE or FAILED (a stuck job fails the test after HANG_GUARD_MS instead of hanging it). */
export async function waitForJob(t: TestApp, token: string, schoolId: string, jobId: string): Promise<JobBody> {
  const until = Date.now() + HANG_GUARD_MS;
  for (;;) {
    const res = await t.http().get(`/api/schools/${schoolId}/imports/${jobId}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`job ${jobId}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'DONE' || res.body.status === 'FAILED') return res.body;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${res.body.status} after ${HANG_GUARD_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Uploads and waits for the result. */
export async function importFile(
  t: TestApp,
  token: string,
  schoolId: string,
  kind: 'students' | 'staff' | 'assets',
  file: Buffer,
) {
  const res = await upload(t, token, schoolId, kind, file);
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForJob(t, token, schoolId, res.body.id);
}

/** A fresh school with its own administrator (TOTP answered by the harness), so counts start from zero. */
export async function schoolWithAdmin(t: TestApp, parentCode = 'PGD-KC'): Promise<{ schoolId: string; token: string }> {
  const school = await createSchool(t, parentCode);
  return { schoolId: school.id, token: await adminOf(t, school.code) };
}

/** A new administrator of the school `schoolCode` (TOTP answered by the harness), signed in: their token. */
export async function adminOf(t: TestApp, schoolCode: string): Promise<string> {
  const username = await createUser(t, 'SCHOOL_ADMIN', schoolCode);
  const box = new SecretBox(t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
  await t.owner.query(`update app_user set mfa_secret = $2, mfa_enabled = true where username = $1`, [
    username,
    box.seal(ADMIN_TOTP_SECRET),
  ]);
  return t.login(username);
}

/** An open school year of the spec's own (codes far from the seed's and the other specs'). */
export async function openYearWithClasses(
  t: TestApp,
  startYear: number,
  schoolIds: string[],
  classNames: string[],
): Promise<{ yearId: string; classes: Map<string, Map<string, string>> }> {
  const y = startYear;
  const [year] = await t.owner.query(
    `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end, status)
     values ($1, $2, $3, $2, $4, $5, $6, 'OPEN') returning id`,
    [`${y}-${y + 1}`, `${y}-09-01`, `${y + 1}-05-31`, `${y + 1}-01-15`, `${y + 1}-01-20`, `${y + 1}-05-25`],
  );
  const classes = new Map<string, Map<string, string>>();
  for (const schoolId of schoolIds) {
    const byName = new Map<string, string>();
    for (const name of classNames) {
      const [row] = await t.owner.query(
        `insert into class (school_id, school_year_id, name, grade, created_at, updated_at) values ($1, $2, $3, $4, now(), now()) returning id`,
        [schoolId, year.id, name, name.match(/^\d+/)![0]],
      );
      byName.set(name, row.id);
    }
    classes.set(schoolId, byName);
  }
  return { yearId: year.id, classes };
}
