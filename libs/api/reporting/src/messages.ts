import { MessageCatalogue } from '@emis/api/platform';

// --- The official statistical reports (forms/) -------------------------------------------------------------------
const FORMS_PROBLEMS: MessageCatalogue['problems'] = {
  statistical_report_submitted: {
    vi: 'Báo cáo đã nộp; cần được mở lại trước khi sửa',
    en: 'The report has been submitted; it must be reopened before it changes',
  },
  statistical_report_not_submitted: {
    vi: 'Báo cáo chưa được nộp nên không thể mở lại',
    en: 'The report has not been submitted, so it cannot be reopened',
  },
};
const FORMS_RULES: MessageCatalogue['rules'] = {
  statisticalManualMissing: { vi: 'Chưa nhập {field}', en: '{field} is not filled in' },
  statisticalGenderSum: {
    vi: 'Khối {0}: số học sinh nam ({2}) và nữ ({3}) không khớp tổng số ({1})',
    en: 'Grade {0}: male ({2}) and female ({3}) pupils do not add up to the total ({1})',
  },
  statisticalNoClasses: {
    vi: 'Chưa có lớp học nào trong năm học',
    en: 'The school has no class in this school year',
  },
  statisticalClassOverCeiling: {
    vi: 'Khối {0}: {1} lớp vượt sĩ số tối đa',
    en: 'Grade {0}: {1} classes above the ceiling',
  },
  statisticalResultsMissing: {
    vi: 'Khối {0}: {1} học sinh chưa đủ kết quả cả năm',
    en: 'Grade {0}: {1} pupils without a full-year result',
  },
  statisticalNoTeachers: { vi: 'Chưa có giáo viên đang làm việc', en: 'No teacher in post' },
};
const FORMS_FIELDS: MessageCatalogue['fields'] = {
  CLASSROOMS: { vi: 'Số phòng học', en: 'Classrooms' },
  SUBJECT_ROOMS: { vi: 'Số phòng học bộ môn', en: 'Subject rooms' },
  LABORATORIES: { vi: 'Số phòng thí nghiệm', en: 'Laboratories' },
  LIBRARIES: { vi: 'Số thư viện', en: 'Libraries' },
  COMPUTERS: { vi: 'Số máy tính phục vụ dạy học', en: 'Computers for teaching' },
  CLASSES: { vi: 'Lớp học', en: 'Classes' },
  PUPILS: { vi: 'Học sinh', en: 'Pupils' },
  STAFF: { vi: 'Cán bộ, giáo viên', en: 'Staff' },
  LEARNING: { vi: 'Kết quả học tập', en: 'Learning results' },
  manual: { vi: 'Số liệu tự nhập', en: 'Typed-in figures' },
  reason: { vi: 'Lý do', en: 'Reason' },
  message: { vi: 'Nội dung nhắc', en: 'Message' },
  kind: { vi: 'Loại báo cáo', en: 'Report' },
  yearId: { vi: 'Năm học', en: 'School year' },
  orgUnitId: { vi: 'Đơn vị', en: 'Unit' },
};
// --- end of the statistical reports ------------------------------------------------------------------------------

/** The words of the reports, Vietnamese first; registered with platform's message lookup by the app. */
export const REPORTING_MESSAGES: MessageCatalogue = {
  problems: {
    ...FORMS_PROBLEMS,
    no_open_school_year: {
      vi: 'Chưa có năm học đang mở: hãy chọn năm học của báo cáo',
      en: 'No school year is open: choose the year of the report',
    },
    report_job_not_done: {
      vi: 'Báo cáo đang được lập, chưa tải xuống được',
      en: 'The report is still being built and cannot be downloaded yet',
    },
  },
  rules: {
    ...FORMS_RULES,
    unknownSchoolYear: { vi: '{field}: không có năm học này', en: '{field}: no such school year' },
  },
  fields: {
    ...FORMS_FIELDS,
    asOf: { vi: 'Ngày tính theo cây tổ chức', en: 'Org tree as of' },
    ownership: { vi: 'Loại hình trường', en: 'Ownership' },
    orgUnitId: { vi: 'Đơn vị', en: 'Org unit' },
    measure: { vi: 'Chỉ số', en: 'Measure' },
    filter: { vi: 'Bộ lọc', en: 'Filter' },
    kind: { vi: 'Loại báo cáo', en: 'Report kind' },
  },
};
