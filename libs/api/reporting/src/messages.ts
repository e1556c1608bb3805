import { MessageCatalogue } from '@emis/api/platform';

/** The words of the reports, Vietnamese first; registered with platform's message lookup by the app. */
export const REPORTING_MESSAGES: MessageCatalogue = {
  problems: {
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
    unknownSchoolYear: { vi: '{field}: không có năm học này', en: '{field}: no such school year' },
  },
  fields: {
    asOf: { vi: 'Ngày tính theo cây tổ chức', en: 'Org tree as of' },
    ownership: { vi: 'Loại hình trường', en: 'Ownership' },
    orgUnitId: { vi: 'Đơn vị', en: 'Org unit' },
    measure: { vi: 'Chỉ số', en: 'Measure' },
    filter: { vi: 'Bộ lọc', en: 'Filter' },
    kind: { vi: 'Loại báo cáo', en: 'Report kind' },
  },
};
