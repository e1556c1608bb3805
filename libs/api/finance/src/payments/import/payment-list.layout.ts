import type { PaymentMethod } from '@emis/domain';
import { DATE_GUIDE, ImportLayout } from '@emis/api/spreadsheets';

/**
 * A collection list (danh sách thu tiền) kept in Excel by a class's teacher or the cashier: one row per payment of a
 * pupil. Each row becomes a receipt, settling the pupil's oldest charges first.
 */
export const PAYMENT_LIST_MAX_ROWS = 5_000;

/** The methods as a school writes them. */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { CASH: 'Tiền mặt', BANK: 'Chuyển khoản' };

export const PAYMENT_LIST_LAYOUT: ImportLayout = {
  kind: 'FINANCE_PAYMENTS',
  sheetName: 'Danh sách thu',
  templateFileName: 'danh-sach-thu-tien.xlsx',
  guideTitle: 'Danh sách thu tiền: mỗi dòng là một lần nộp tiền của một học sinh, được lập một phiếu thu',
  columns: [
    {
      key: 'no',
      header: 'STT',
      kind: 'number',
      required: false,
      width: 6,
      guide: 'Số thứ tự, không bắt buộc',
      example: '1',
      mayBeMissing: true,
      notRead: true,
    },
    {
      key: 'code',
      header: 'Mã học sinh',
      kind: 'text',
      required: true,
      width: 16,
      maxLength: 20,
      guide: 'Mã định danh của học sinh (12 chữ số), như trên danh sách học sinh',
      example: '034213000123',
    },
    {
      key: 'fullName',
      header: 'Họ và tên',
      kind: 'text',
      required: false,
      width: 26,
      maxLength: 200,
      guide: 'Để đối chiếu: nếu ghi, phải đúng họ tên của học sinh mang mã trên',
      example: 'Nguyễn Thị Lan',
      mayBeMissing: true,
    },
    {
      key: 'paidOn',
      header: 'Ngày nộp',
      kind: 'date',
      required: true,
      width: 12,
      guide: `${DATE_GUIDE} Không sau ngày hôm nay.`,
      example: '15/09/2025',
    },
    {
      key: 'amount',
      header: 'Số tiền',
      kind: 'number',
      required: true,
      width: 14,
      guide: 'Số tiền nộp (đồng, số nguyên), không quá số học sinh còn nợ',
      example: '1250000',
    },
    {
      key: 'method',
      header: 'Hình thức',
      kind: 'text',
      required: true,
      width: 14,
      choices: Object.values(PAYMENT_METHOD_LABELS),
      guide: 'Tiền mặt hoặc Chuyển khoản',
      example: 'Tiền mặt',
    },
    {
      key: 'bankReference',
      header: 'Mã giao dịch',
      kind: 'text',
      required: false,
      width: 18,
      maxLength: 100,
      guide: 'Mã giao dịch của ngân hàng; bắt buộc khi chuyển khoản',
      example: '',
      mayBeMissing: true,
    },
    {
      key: 'payerName',
      header: 'Người nộp',
      kind: 'text',
      required: false,
      width: 22,
      maxLength: 200,
      guide: 'Họ tên người nộp tiền (cha, mẹ, người giám hộ)',
      example: 'Lê Thị Hoa',
      mayBeMissing: true,
    },
    {
      key: 'note',
      header: 'Ghi chú',
      kind: 'text',
      required: false,
      width: 26,
      maxLength: 500,
      guide: 'Không bắt buộc',
      example: '',
      mayBeMissing: true,
    },
  ],
};
