import type { Debtor } from '@emis/contracts';
import { type ExportColumn, issuerContent, type OfficialHeading } from '@emis/api/platform';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

const VND = new Intl.NumberFormat('vi-VN');

/** The debtor list's columns, shared by the Excel file and the printed list (Vietnamese, then English). */
export const DEBTOR_COLUMNS: (ExportColumn<Debtor> & { en: string; money?: boolean })[] = [
  { header: 'Mã học sinh', en: 'Pupil code', width: 16, value: (r) => r.studentCode },
  { header: 'Họ và tên', en: 'Name', width: 28, value: (r) => r.studentName },
  { header: 'Lớp', en: 'Class', width: 8, value: (r) => r.className },
  { header: 'Còn nợ (đồng)', en: 'Owed (VND)', width: 16, money: true, value: (r) => r.outstanding },
  { header: 'Nợ từ kỳ', en: 'Owed since', width: 10, value: (r) => r.oldestPeriod },
  { header: 'Điện thoại phụ huynh', en: "Guardian's phone", width: 16, value: (r) => r.guardianPhone ?? '' },
];

/** The xlsx headers carry both languages: "Còn nợ (đồng) (Owed (VND))". */
export const DEBTOR_XLSX_COLUMNS = DEBTOR_COLUMNS.map((c) => ({ ...c, header: `${c.header} (${c.en})` }));

/**
 * The printed debtor list a homeroom teacher takes to class or to a parents' meeting: the school, what it covers,
 * one line per pupil who still owes, the total, and the signature lines. A4 portrait.
 */
export function debtorsDocument(
  issuer: Pick<OfficialHeading, 'governingBody' | 'school'>,
  covers: string,
  debtors: Debtor[],
): TDocumentDefinitions {
  const header: TableCell[] = [
    { text: ['STT', { text: '\nNo.', italics: true, fontSize: 7 }], style: 'th' },
    ...DEBTOR_COLUMNS.map((c) => ({
      text: [c.header, { text: `\n${c.en}`, italics: true, fontSize: 7 }],
      style: 'th',
    })),
  ];
  const line = (d: Debtor, i: number): TableCell[] => [
    { text: String(i + 1), alignment: 'center' },
    ...DEBTOR_COLUMNS.map((c): TableCell => {
      const value = c.value(d);
      return c.money && typeof value === 'number'
        ? { text: VND.format(value), alignment: 'right' }
        : { text: value === null || value === undefined ? '' : String(value) };
    }),
  ];
  const total = debtors.reduce((sum, d) => sum + d.outstanding, 0);
  const totalLine: TableCell[] = [
    { text: '', colSpan: 1 },
    { text: `Cộng / Total: ${debtors.length} học sinh / pupils`, colSpan: 3, bold: true },
    {},
    {},
    { text: VND.format(total), alignment: 'right', bold: true },
    { text: '', colSpan: 2 },
    {},
  ];
  const content: Content[] = [
    issuerContent(issuer),
    { text: 'DANH SÁCH HỌC SINH CÒN NỢ CÁC KHOẢN THU', style: 'title', margin: [0, 12, 0, 2] },
    { text: `Pupils who still owe — ${covers}`, alignment: 'center', margin: [0, 0, 0, 10] },
    {
      table: { headerRows: 1, widths: [24, 70, '*', 34, 64, 44, 68], body: [header, ...debtors.map(line), totalLine] },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    },
    {
      columns: [
        { text: 'Giáo viên chủ nhiệm / Homeroom teacher\n(Ký, họ tên)', alignment: 'center' },
        { text: 'Kế toán / Accountant\n(Ký, họ tên)', alignment: 'center' },
      ],
      margin: [0, 24, 0, 0],
    },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [28, 28, 28, 28],
    info: { title: 'Danh sách học sinh còn nợ' },
    defaultStyle: { fontSize: 9 },
    styles: { title: { fontSize: 13, bold: true, alignment: 'center' }, th: { bold: true, alignment: 'center' } },
    content,
  };
}
