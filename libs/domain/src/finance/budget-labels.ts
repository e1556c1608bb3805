import type { BudgetEntryKind, BudgetSource, ExpenseStatus, SpendingGroup } from './finance-types';

/**
 * Vietnamese and English names of the budget's codes — funding sources (nguồn kinh phí), spending groups (nhóm chi),
 * kinds of budget entries and the states of an expense voucher — for the Excel and PDF files schools keep and sign,
 * which are written in Vietnamese whatever the reader's language. Declared once here; the web's words are the same.
 */
export const BUDGET_SOURCE_LABELS: Record<BudgetSource, { vi: string; en: string }> = {
  STATE_REGULAR: { vi: 'Ngân sách nhà nước – chi thường xuyên', en: 'State budget – regular spending' },
  STATE_PROJECT: { vi: 'Ngân sách nhà nước – chương trình, dự án', en: 'State budget – programmes and projects' },
  TUITION: { vi: 'Học phí', en: 'Tuition' },
  FEES: { vi: 'Các khoản thu khác', en: 'Other fees and contributions' },
  AID: { vi: 'Viện trợ, tài trợ', en: 'Aid and donations' },
};

export const SPENDING_GROUP_LABELS: Record<SpendingGroup, { vi: string; en: string }> = {
  PERSONNEL: { vi: 'Chi cho con người', en: 'Personnel' },
  GOODS_SERVICES: { vi: 'Chi hàng hóa, dịch vụ', en: 'Goods and services' },
  ASSETS: { vi: 'Chi mua sắm, sửa chữa tài sản', en: 'Buying and repairing assets' },
  OTHER: { vi: 'Chi khác', en: 'Other spending' },
};

export const BUDGET_ENTRY_KIND_LABELS: Record<BudgetEntryKind, { vi: string; en: string }> = {
  ESTIMATE: { vi: 'Dự toán', en: 'Estimate' },
  ALLOCATION: { vi: 'Giao dự toán', en: 'Allocation' },
  ADJUSTMENT: { vi: 'Điều chỉnh', en: 'Adjustment' },
  REVERSAL: { vi: 'Hủy bút toán', en: 'Reversal' },
};

export const EXPENSE_STATUS_LABELS: Record<ExpenseStatus, { vi: string; en: string }> = {
  DRAFT: { vi: 'Nháp', en: 'Draft' },
  APPROVED: { vi: 'Đã duyệt', en: 'Approved' },
  REJECTED: { vi: 'Từ chối', en: 'Rejected' },
};
