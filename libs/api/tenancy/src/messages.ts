import { MessageCatalogue } from '@emis/api/platform';

/** The words of the org-unit tree and a school's profile, Vietnamese first; registered with platform's message lookup by the app. */
export const TENANCY_MESSAGES: MessageCatalogue = {
  rules: {
    unknownSchool: { vi: '{field} không phải một trường trong tỉnh', en: '{field} is not a school of the province' },
    gradeNotTaught: { vi: '{field} không phải khối lớp của trường', en: '{field} is not a grade this school teaches' },
  },
  fields: {
    address: { vi: 'Địa chỉ', en: 'Address' },
    phone: { vi: 'Số điện thoại', en: 'Phone' },
    email: { vi: 'Email', en: 'Email' },
    principalName: { vi: 'Hiệu trưởng', en: 'Principal' },
    foundedYear: { vi: 'Năm thành lập', en: 'Year founded' },
    website: { vi: 'Trang web', en: 'Website' },
    level: { vi: 'Cấp học', en: 'Level' },
    unitId: { vi: 'Đơn vị', en: 'Unit' },
    schoolId: { vi: 'Trường', en: 'School' },
  },
};
