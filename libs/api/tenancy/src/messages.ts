import { MessageCatalogue } from '@emis/api/platform';

/** The words of the org-unit tree and a school's profile, Vietnamese first; registered with platform's message lookup by the app. */
export const TENANCY_MESSAGES: MessageCatalogue = {
  problems: {
    school_closed: {
      vi: 'Trường (đơn vị) đã đóng: dữ liệu chỉ để xem, không thể thay đổi',
      en: 'The school (unit) is closed: its data can be viewed but not changed',
    },
    unit_closed: {
      vi: 'Đơn vị (trường) đã đóng: không thể sửa, chuyển hay đóng lại; hãy mở lại trước',
      en: 'The unit (school) is closed: it cannot be corrected, moved or closed again; reopen it first',
    },
    unit_not_closed: { vi: 'Đơn vị (trường) đang hoạt động', en: 'The unit (school) is open' },
    unit_has_open_children: {
      vi: 'Đơn vị còn trường hoặc đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc đóng chúng trước',
      en: 'The unit still has open units or schools under it: move or close them first',
    },
    parent_closed: {
      vi: 'Đơn vị quản lý đã đóng: hãy mở lại đơn vị quản lý hoặc chuyển sang đơn vị khác trước',
      en: 'The parent unit is closed: reopen it or move this unit elsewhere first',
    },
  },
  rules: {
    unknownSchool: { vi: '{field} không phải một trường trong tỉnh', en: '{field} is not a school of the province' },
    gradeNotTaught: { vi: '{field} không phải khối lớp của trường', en: '{field} is not a grade this school teaches' },
    // — organisation administration —
    isOrgUnitCode: {
      vi: 'Mã gồm chữ in hoa, chữ số và dấu gạch ngang, 3–20 ký tự',
      en: 'A code is 3–20 upper-case letters, digits and dashes',
    },
    codeTaken: { vi: 'Mã này đã được dùng cho đơn vị khác', en: 'This code is already used by another unit' },
    onlySchools: { vi: '{field} chỉ áp dụng cho trường', en: '{field} applies to schools only' },
    unknownParent: { vi: '{field} không phải một đơn vị trong tỉnh', en: '{field} is not a unit of the province' },
    parentNotAUnit: {
      vi: '{field} là một trường; chỉ Sở hoặc đơn vị mới quản lý được đơn vị khác',
      en: '{field} is a school; only the department or a unit can hold others',
    },
    parentClosed: { vi: '{field} đã đóng', en: '{field} is closed' },
    moveCycle: {
      vi: '{field} nằm trong chính đơn vị đang chuyển',
      en: '{field} lies inside the unit being moved',
    },
    sameParent: { vi: 'Đơn vị đã thuộc {field} này', en: 'The unit is already under this {field}' },
    departmentStays: {
      vi: 'Sở là gốc của cây tổ chức, không chuyển được',
      en: 'The department is the root: it cannot move',
    },
    notAfterPeriodStart: {
      vi: '{field} phải sau ngày {0}, ngày đơn vị bắt đầu thuộc đơn vị quản lý hiện tại',
      en: '{field} must be after {0}, the day the unit joined its current parent',
    },
    schoolLevelsRequired: { vi: 'Trường phải có ít nhất một cấp học', en: 'A school has at least one level' },
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
    name: { vi: 'Tên', en: 'Name' },
    parentId: { vi: 'Đơn vị quản lý', en: 'Parent unit' },
    ownership: { vi: 'Loại hình trường', en: 'Ownership' },
    commune: { vi: 'Xã/phường', en: 'Commune or ward' },
    effectiveFrom: { vi: 'Ngày có hiệu lực', en: 'Effective from' },
    closedOn: { vi: 'Ngày đóng', en: 'Closed on' },
    reason: { vi: 'Lý do', en: 'Reason' },
    decisionNo: { vi: 'Số quyết định', en: 'Decision number' },
    includeClosed: { vi: 'Gồm đơn vị đã đóng', en: 'Include closed units' },
  },
};
