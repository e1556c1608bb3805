import type { Expense } from '@emis/contracts';
import { amountInWords, BUDGET_SOURCE_LABELS, SPENDING_GROUP_LABELS } from '@emis/domain';
import { FORM_NOTE, formatCell, viDate } from '@emis/api/assets';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/** Who signs a voucher (Circular 107/2017/TT-BTC, form C41-BB), left to right. */
const SIGNATURES = ['Thủ trưởng đơn vị', 'Kế toán trưởng', 'Người lập', 'Thủ quỹ', 'Người nhận tiền'];

/**
 * An expense voucher as the school prints it and the payee signs it: form C41-BB of Circular 107/2017/TT-BTC (the
 * accounting regime of administrative and non-business units), A5 landscape — the unit, the number and date, who
 * receives the money and why, the funding source, the amount in figures and in words, the papers attached, and the
 * five signatures. A draft carries no number and says so; a reversal is printed as the cancellation it is.
 */
export function voucherDocument(schoolName: string, expense: Expense): TDocumentDefinitions {
  const reversal = expense.kind === 'REVERSAL';
  const amount = Math.abs(expense.amount);
  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [28, 24, 28, 24],
    info: { title: `Phiếu chi ${expense.documentNumber ?? ''}`.trim() },
    defaultStyle: { fontSize: 9.5 },
    content: [
      header(schoolName),
      {
        text: reversal ? 'HỦY PHIẾU CHI' : 'PHIẾU CHI',
        bold: true,
        fontSize: 15,
        alignment: 'center',
        margin: [0, 6, 0, 0],
      },
      { text: dayLine(expense.spentOn), italics: true, alignment: 'center' },
      {
        text: expense.documentNumber ? `Số: ${expense.documentNumber}` : 'Bản nháp – chưa duyệt, chưa có số',
        alignment: 'center',
        bold: !expense.documentNumber,
        margin: [0, 2, 0, 8],
      },
      line('Họ và tên người nhận tiền', expense.payee),
      line('Lý do chi', expense.description),
      line(
        'Nguồn kinh phí',
        `${BUDGET_SOURCE_LABELS[expense.fundingSource].vi} – ${SPENDING_GROUP_LABELS[expense.spendingGroup].vi}`,
      ),
      line('Hình thức chi', expense.method === 'CASH' ? 'Tiền mặt' : 'Chuyển khoản'),
      line('Số tiền', `${formatCell(amount, 'money')} đồng`),
      line('Viết bằng chữ', amountInWords(amount)),
      line('Kèm theo', `${expense.attachments.length} chứng từ gốc`),
      signatures(),
    ],
  };
}

function header(schoolName: string): Content {
  return {
    columns: [
      { text: `Đơn vị: ${schoolName}`, bold: true, width: '*' },
      {
        stack: [
          { text: 'Mẫu số C41-BB', bold: true },
          { text: FORM_NOTE, italics: true, fontSize: 7 },
        ],
        alignment: 'center',
        width: 210,
      },
    ],
  };
}

function dayLine(isoDate: string): string {
  const [day, month, year] = viDate(isoDate).split('/');
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

function line(label: string, value: string): Content {
  return { text: [{ text: `${label}: ` }, { text: value, bold: true }], margin: [0, 1.5, 0, 1.5] };
}

function signatures(): Content {
  return {
    unbreakable: true,
    margin: [0, 12, 0, 0],
    columns: SIGNATURES.map((title) => ({
      stack: [
        { text: title, bold: true },
        { text: '(Ký, họ tên)', italics: true, fontSize: 8 },
      ],
      alignment: 'center' as const,
    })),
  };
}
