import type { Payment } from '@emis/contracts';
import { amountInWords } from '@emis/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

/** What a receipt prints besides the payment: the school, the unit above it, and whether it was reversed. */
export interface ReceiptPrint {
  payment: Payment;
  schoolName: string;
  /** The unit the school answers to (Phòng GD&ĐT …), printed above the school as on every form of the sector. */
  parentName: string | null;
}

const DONG = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const METHOD: Record<Payment['method'], string> = { CASH: 'Tiền mặt', BANK: 'Chuyển khoản' };

function dong(amount: number): string {
  return `${DONG.format(amount)} đ`;
}

/**
 * A receipt (phiếu thu) or, for a refund, a voucher (phiếu chi) on A5 portrait, in Vietnamese, laid out as the
 * administrative units' forms C40-BB and C41-BB (Circular 107/2017/TT-BTC, Appendix I): the unit, the form's code,
 * the number and date, who paid or was paid, for what (the charges it settled, by period), the amount in figures and
 * in words, and the signatures. A reversed document still prints, marked as cancelled, with its number kept.
 */
export function receiptDocument({ payment, schoolName, parentName }: ReceiptPrint): TDocumentDefinitions {
  const refund = payment.kind === 'REFUND';
  const amount = Math.abs(payment.amount);
  return {
    pageSize: 'A5',
    pageOrientation: 'portrait',
    pageMargins: [28, 24, 28, 24],
    info: { title: `${refund ? 'Phiếu chi' : 'Phiếu thu'} ${payment.documentNumber ?? ''}`.trim() },
    defaultStyle: { fontSize: 9 },
    watermark: payment.reversedById ? { text: 'ĐÃ HUỶ', opacity: 0.15, bold: true } : undefined,
    content: [
      heading(payment, schoolName, parentName, refund),
      details(payment, refund),
      lines(payment),
      amountBlock(payment, amount),
      signatures(refund),
    ],
  };
}

function heading(payment: Payment, schoolName: string, parentName: string | null, refund: boolean): Content {
  const [year, month, day] = payment.paidOn.split('-');
  return [
    {
      columns: [
        {
          width: '*',
          stack: [parentName ? { text: parentName.toUpperCase(), fontSize: 8 } : '', { text: schoolName, bold: true }],
        },
        { width: 'auto', alignment: 'right', fontSize: 8, text: `Mẫu số ${refund ? 'C41-BB' : 'C40-BB'}` },
      ],
    },
    { text: refund ? 'PHIẾU CHI' : 'PHIẾU THU', alignment: 'center', fontSize: 15, bold: true, margin: [0, 12, 0, 2] },
    { text: `Ngày ${day} tháng ${month} năm ${year}`, alignment: 'center', italics: true },
    { text: `Số: ${payment.documentNumber ?? ''}`, alignment: 'center', margin: [0, 2, 0, 10] },
  ];
}

function details(payment: Payment, refund: boolean): Content {
  const pupil = [
    payment.studentName,
    payment.studentCode && `mã ${payment.studentCode}`,
    payment.className && `lớp ${payment.className}`,
  ]
    .filter(Boolean)
    .join(', ');
  const method =
    payment.method === 'BANK' ? `${METHOD.BANK} (mã giao dịch ${payment.bankReference ?? ''})` : METHOD.CASH;
  return {
    margin: [0, 0, 0, 8],
    stack: [
      line(refund ? 'Họ và tên người nhận tiền' : 'Họ và tên người nộp tiền', payment.payerName ?? ''),
      line('Học sinh', pupil),
      line(
        refund ? 'Lý do chi' : 'Lý do nộp',
        refund ? (payment.note ?? 'Hoàn trả tiền đã nộp') : 'Nộp các khoản thu của học sinh',
      ),
      line('Hình thức', method),
    ],
  };
}

function line(label: string, value: string): Content {
  return { text: [{ text: `${label}: ` }, { text: value, bold: true }], margin: [0, 1, 0, 1] };
}

/** The charges the money went to: period, fee, amount. */
function lines(payment: Payment): Content {
  const body: TableCell[][] = [
    [
      { text: 'Kỳ thu', bold: true },
      { text: 'Khoản thu', bold: true },
      { text: 'Số tiền', bold: true, alignment: 'right' },
    ],
    ...payment.allocations.map((a): TableCell[] => [
      a.periodCode,
      a.feeName,
      { text: dong(Math.abs(a.amount)), alignment: 'right' },
    ]),
  ];
  return {
    table: { headerRows: 1, widths: [50, '*', 80], body },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

function amountBlock(payment: Payment, amount: number): Content {
  return {
    stack: [
      line('Số tiền', dong(amount)),
      {
        text: [{ text: 'Viết bằng chữ: ' }, { text: amountInWords(amount), italics: true, bold: true }],
        margin: [0, 1, 0, 1],
      },
    ],
    margin: [0, 0, 0, 14],
  };
}

function signatures(refund: boolean): Content {
  const who = refund
    ? ['Thủ trưởng đơn vị', 'Kế toán', 'Người nhận tiền', 'Thủ quỹ']
    : ['Người nộp tiền', 'Người thu tiền', 'Kế toán'];
  return {
    columns: who.map((title) => ({
      width: '*',
      alignment: 'center',
      stack: [
        { text: title, bold: true, fontSize: 8 },
        { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 7 },
      ],
    })),
  };
}
