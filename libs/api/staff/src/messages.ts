import { MessageCatalogue } from '@emis/api/platform';

/** The words of staff records, Vietnamese first; registered with platform's message lookup by the app. */
export const STAFF_MESSAGES: MessageCatalogue = {
  problems: {
    staff_transferred: {
      vi: 'Hồ sơ cán bộ đã chuyển công tác, chỉ còn để tra cứu',
      en: 'The staff member has transferred; the record is kept read-only',
    },
    staff_not_active: {
      vi: 'Cán bộ không còn công tác tại trường',
      en: 'The staff member no longer works at the school',
    },
  },
  rules: {
    atMostTwoDecimals: { vi: '{field} có tối đa hai chữ số thập phân', en: '{field} has at most two decimals' },
    notActiveStaff: {
      vi: '{field} phải là cán bộ đang làm việc tại trường',
      en: '{field} must be an active staff member of the school',
    },
  },
  fields: {
    staffId: { vi: 'Cán bộ', en: 'Staff member' },
    position: { vi: 'Chức vụ', en: 'Position' },
    contractType: { vi: 'Loại hợp đồng', en: 'Contract type' },
    rankCode: { vi: 'Mã ngạch', en: 'Rank code' },
    salaryCoefficient: { vi: 'Hệ số lương', en: 'Salary coefficient' },
    salaryStep: { vi: 'Bậc lương', en: 'Salary step' },
    qualifications: { vi: 'Trình độ chuyên môn', en: 'Qualifications' },
    major: { vi: 'Chuyên ngành', en: 'Major' },
    institution: { vi: 'Cơ sở đào tạo', en: 'Institution' },
    year: { vi: 'Năm tốt nghiệp', en: 'Year' },
    subjects: { vi: 'Môn giảng dạy', en: 'Subjects taught' },
    startDate: { vi: 'Ngày vào ngành', en: 'Start date' },
    partyMember: { vi: 'Đảng viên', en: 'Party member' },
    unionMember: { vi: 'Công đoàn viên', en: 'Union member' },
    decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
  },
};
