import type { OneTimeCredential } from '@emis/contracts';
import { ExportColumn } from '@emis/api/platform';
import { Role } from '@emis/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CredentialSheet } from './credential-sheets';

/** The roles as the slips name them, Vietnamese first. */
export const ROLE_NAMES: Record<Role, string> = {
  DEPARTMENT_ADMIN: 'Quản trị Sở / Department administrator',
  DEPARTMENT_OFFICER: 'Chuyên viên Sở / Department officer',
  UNIT_OFFICER: 'Cán bộ đơn vị / Unit officer',
  SCHOOL_ADMIN: 'Quản trị trường / School administrator',
  ACCOUNTANT: 'Kế toán / Accountant',
  TEACHER: 'Giáo viên / Teacher',
};

/** What every slip tells its holder: the password serves once, and the first sign-in asks for a new one. */
const INSTRUCTIONS =
  'Đăng nhập Emis bằng tên đăng nhập và mật khẩu dùng một lần này; hệ thống sẽ yêu cầu bạn đặt mật khẩu mới ngay. ' +
  'Không chia sẻ phiếu này. / Sign in to Emis with this user name and one-time password; you will be asked to set ' +
  'a new password at once. Do not share this slip.';

/**
 * The printable sheet of a bulk creation: one slip per person, cut along the dashed lines and handed over in person.
 * A4 portrait; a slip never breaks across pages.
 */
export function credentialSheetDocument(sheet: CredentialSheet): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 36],
    info: { title: `Phiếu tài khoản Emis — ${sheet.unitName}` },
    defaultStyle: { fontSize: 10 },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 8 }),
    content: [heading(sheet), ...sheet.credentials.map(slip)],
  };
}

function heading(sheet: CredentialSheet): Content {
  return {
    stack: [
      { text: 'PHIẾU TÀI KHOẢN EMIS / EMIS ACCOUNT SLIPS', bold: true, fontSize: 14, alignment: 'center' },
      { text: sheet.unitName, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
      {
        text:
          `Lập lúc ${viDateTime(sheet.createdAt)} — ${sheet.credentials.length} tài khoản. Cắt theo đường kẻ và trao ` +
          'tận tay từng người; huỷ phần thừa. / Cut along the lines and hand each slip over in person; destroy the rest.',
        italics: true,
        fontSize: 9,
        alignment: 'center',
        margin: [0, 0, 0, 10],
      },
    ],
  };
}

function slip(c: OneTimeCredential): Content {
  return {
    unbreakable: true,
    margin: [0, 0, 0, 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 523, y2: 0, dash: { length: 4 }, lineWidth: 0.5 }] },
      {
        margin: [0, 8, 0, 10],
        columns: [
          {
            width: '*',
            stack: [
              { text: c.fullName, bold: true, fontSize: 12 },
              { text: `${ROLE_NAMES[c.role]} — ${c.orgUnitName}`, fontSize: 9 },
              { text: INSTRUCTIONS, fontSize: 8, italics: true, margin: [0, 4, 0, 0] },
            ],
          },
          {
            width: 200,
            table: {
              widths: [80, 110],
              body: [
                [
                  { text: 'Tên đăng nhập\nUser name', fontSize: 8 },
                  { text: c.username, bold: true },
                ],
                [
                  { text: 'Mật khẩu một lần\nOne-time password', fontSize: 8 },
                  { text: c.oneTimePassword, bold: true },
                ],
              ],
            },
          },
        ],
      },
    ],
  };
}

/** The workbook's columns: the same credentials as the slips, for a principal who hands them out another way. */
export const CREDENTIAL_COLUMNS: ExportColumn<OneTimeCredential>[] = [
  { header: 'Họ và tên', width: 28, value: (c) => c.fullName },
  { header: 'Đơn vị', width: 28, value: (c) => c.orgUnitName },
  { header: 'Vai trò', width: 30, value: (c) => ROLE_NAMES[c.role] },
  { header: 'Tên đăng nhập', width: 22, value: (c) => c.username },
  { header: 'Mật khẩu dùng một lần', width: 22, value: (c) => c.oneTimePassword },
];

/** dd/MM/yyyy HH:mm in Vietnam's time, as the sheet prints when it was made. */
function viDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
