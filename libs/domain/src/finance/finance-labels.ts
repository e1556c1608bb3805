import type { SchoolLevel } from '../organisation/org-unit';
import type { BillingUnit, ExceptionStatus, FeeArea, FeeKind, FeeScheduleStatus } from './finance-types';

/**
 * Vietnamese and English names of the fee codes, for the Excel files and prints the department and schools keep and
 * read back (the imports' dropdowns). The web's translations carry the same words.
 */
export const FEE_KIND_LABELS: Record<FeeKind, { vi: string; en: string }> = {
  TUITION: { vi: 'Học phí', en: 'Tuition' },
  MEALS: { vi: 'Tiền ăn', en: 'Meals' },
  BOARDING: { vi: 'Bán trú, nội trú', en: 'Boarding' },
  EXTRA_LESSONS: { vi: 'Dạy thêm, học thêm', en: 'Extra lessons' },
  HEALTH_INSURANCE: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
  SERVICE: { vi: 'Dịch vụ', en: 'Services' },
  VOLUNTARY: { vi: 'Đóng góp tự nguyện', en: 'Voluntary contribution' },
};

export const BILLING_UNIT_LABELS: Record<BillingUnit, { vi: string; en: string }> = {
  MONTH: { vi: 'Tháng', en: 'Month' },
  SEMESTER: { vi: 'Học kì', en: 'Semester' },
  YEAR: { vi: 'Năm học', en: 'School year' },
  ONCE: { vi: 'Một lần', en: 'Once' },
};

export const FEE_AREA_LABELS: Record<FeeArea, { vi: string; en: string }> = {
  URBAN: { vi: 'Thành thị', en: 'Urban' },
  RURAL: { vi: 'Nông thôn', en: 'Rural' },
  MOUNTAIN: { vi: 'Vùng dân tộc thiểu số và miền núi', en: 'Ethnic-minority and mountain areas' },
};

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, { vi: string; en: string }> = {
  PRESCHOOL: { vi: 'Mầm non', en: 'Preschool' },
  PRIMARY: { vi: 'Tiểu học', en: 'Primary' },
  LOWER_SECONDARY: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  UPPER_SECONDARY: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  CONTINUING_EDUCATION: { vi: 'Giáo dục thường xuyên', en: 'Continuing education' },
};

export const FEE_SCHEDULE_STATUS_LABELS: Record<FeeScheduleStatus, { vi: string; en: string }> = {
  DRAFT: { vi: 'Dự thảo', en: 'Draft' },
  ADOPTED: { vi: 'Đã áp dụng', en: 'Adopted' },
  WITHDRAWN: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, { vi: string; en: string }> = {
  PENDING: { vi: 'Chờ duyệt', en: 'Pending' },
  APPROVED: { vi: 'Đã duyệt', en: 'Approved' },
  REJECTED: { vi: 'Từ chối', en: 'Rejected' },
};
