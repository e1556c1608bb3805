import {
  DATE_GUIDE,
  DISABILITY_LABELS,
  ETHNICITY_NAMES,
  GENDER_LABELS,
  ImportLayout,
  POLICY_GROUP_LABELS,
} from '@emis/api/spreadsheets';

const NAME = 100;
const ADDRESS = 300;

/** The student list template (Vietnamese headers; the fields of docs/domain/records.md, "Student record"). */
export const STUDENT_LAYOUT: ImportLayout = {
  kind: 'STUDENTS',
  sheetName: 'Học sinh',
  templateFileName: 'mau-nhap-hoc-sinh.xlsx',
  guideTitle: 'Hướng dẫn nhập danh sách học sinh',
  columns: [
    {
      key: 'no',
      header: 'STT',
      kind: 'number',
      required: false,
      width: 6,
      mayBeMissing: true,
      notRead: true,
      guide: 'Số thứ tự (không bắt buộc, không được đọc).',
      example: '1',
    },
    {
      key: 'personalId',
      header: 'Mã định danh',
      kind: 'text',
      required: true,
      width: 16,
      maxLength: 20,
      guide:
        'Mã định danh cá nhân 12 chữ số (số căn cước); chữ số 4–6 phải khớp giới tính và năm sinh. Học sinh đã có trong trường (cùng mã) sẽ được cập nhật.',
      example: '034212001234',
    },
    {
      key: 'fullName',
      header: 'Họ và tên',
      kind: 'text',
      required: true,
      width: 26,
      maxLength: NAME,
      guide: 'Họ và tên đầy đủ, có dấu.',
      example: 'Nguyễn Thị Minh Anh',
    },
    {
      key: 'dateOfBirth',
      header: 'Ngày sinh (dd/mm/yyyy)',
      kind: 'date',
      required: true,
      width: 14,
      guide: DATE_GUIDE,
      example: '05/09/2012',
    },
    {
      key: 'gender',
      header: 'Giới tính',
      kind: 'text',
      required: true,
      width: 10,
      choices: Object.values(GENDER_LABELS),
      guide: 'Nam hoặc Nữ.',
      example: 'Nữ',
    },
    {
      key: 'ethnicity',
      header: 'Dân tộc',
      kind: 'text',
      required: false,
      width: 14,
      choices: ETHNICITY_NAMES,
      guide: 'Tên một trong 54 dân tộc (danh mục của Tổng cục Thống kê); để trống là Kinh.',
      example: 'Kinh',
    },
    {
      key: 'religion',
      header: 'Tôn giáo',
      kind: 'text',
      required: false,
      width: 14,
      maxLength: 60,
      guide: 'Tôn giáo, để trống nếu không có.',
      example: 'Không',
    },
    {
      key: 'nationality',
      header: 'Quốc tịch',
      kind: 'text',
      required: false,
      width: 12,
      maxLength: 40,
      guide: '"Việt Nam" hoặc mã quốc gia 2 chữ cái (ISO 3166); để trống là Việt Nam.',
      example: 'Việt Nam',
    },
    {
      key: 'placeOfBirth',
      header: 'Nơi sinh',
      kind: 'text',
      required: false,
      width: 24,
      maxLength: 200,
      guide: 'Nơi đăng ký khai sinh.',
      example: 'Xã Như Quỳnh, tỉnh Hưng Yên',
    },
    {
      key: 'permanentAddress',
      header: 'Địa chỉ thường trú',
      kind: 'text',
      required: false,
      width: 32,
      maxLength: ADDRESS,
      guide: 'Địa chỉ thường trú.',
      example: 'Thôn Như Quỳnh, xã Như Quỳnh, tỉnh Hưng Yên',
    },
    {
      key: 'currentAddress',
      header: 'Chỗ ở hiện nay',
      kind: 'text',
      required: false,
      width: 32,
      maxLength: ADDRESS,
      guide: 'Chỗ ở hiện nay, nếu khác địa chỉ thường trú.',
      example: '',
    },
    {
      key: 'className',
      header: 'Lớp',
      kind: 'text',
      required: false,
      width: 10,
      maxLength: 40,
      choices: 'classes',
      guide: 'Tên lớp của năm học đang mở (ví dụ 6A1); học sinh được xếp vào lớp này. Để trống nếu chưa xếp lớp.',
      example: '6A1',
    },
    {
      key: 'policyGroups',
      header: 'Đối tượng chính sách',
      kind: 'text',
      required: false,
      width: 24,
      maxLength: 300,
      guide: `Không bắt buộc; nhiều nhóm cách nhau bằng dấu chấm phẩy: ${Object.values(POLICY_GROUP_LABELS).join('; ')}.`,
      example: 'Hộ nghèo; Mồ côi',
    },
    {
      key: 'disability',
      header: 'Khuyết tật',
      kind: 'text',
      required: false,
      width: 14,
      choices: Object.values(DISABILITY_LABELS),
      guide: `Dạng khuyết tật, nếu có: ${Object.values(DISABILITY_LABELS).join(', ')}.`,
      example: '',
    },
    {
      key: 'fatherName',
      header: 'Họ tên cha',
      kind: 'text',
      required: false,
      width: 24,
      maxLength: NAME,
      guide: 'Họ tên cha (hoặc để trống).',
      example: 'Nguyễn Văn Bình',
    },
    {
      key: 'fatherPhone',
      header: 'SĐT cha',
      kind: 'text',
      required: false,
      width: 14,
      maxLength: 20,
      guide: 'Số điện thoại di động 10 số hoặc cố định 11 số (02…); cần có họ tên cha.',
      example: '0912345678',
    },
    {
      key: 'motherName',
      header: 'Họ tên mẹ',
      kind: 'text',
      required: false,
      width: 24,
      maxLength: NAME,
      guide: 'Họ tên mẹ (hoặc để trống).',
      example: 'Trần Thị Hoa',
    },
    {
      key: 'motherPhone',
      header: 'SĐT mẹ',
      kind: 'text',
      required: false,
      width: 14,
      maxLength: 20,
      guide: 'Như SĐT cha; cần có họ tên mẹ.',
      example: '0987654321',
    },
    {
      key: 'schoolCode',
      header: 'Mã trường',
      kind: 'text',
      required: false,
      width: 14,
      maxLength: 20,
      // A school's own list may carry it (a unit's file cut down to one school): each row's code must then be the
      // school's own, so a row of another school never lands here. The school's template leaves it out.
      mayBeMissing: true,
      guide: 'Mã trường (mã của Bộ GD&ĐT) của trường học sinh theo học.',
      example: '',
    },
  ],
};

/** The school code column's key: in a unit's file, the school each row goes under (docs/domain/records.md). */
export const SCHOOL_CODE = 'schoolCode';

/** A school's template: the list without the school code column (every row is the school's). */
export const SCHOOL_TEMPLATE_LAYOUT: ImportLayout = {
  ...STUDENT_LAYOUT,
  columns: STUDENT_LAYOUT.columns.filter((c) => c.key !== SCHOOL_CODE),
};

/**
 * A department's or unit's list spanning many schools: the school code column, required, right after the running
 * number; every other column as in a school's list.
 */
export const MANY_SCHOOLS_LAYOUT: ImportLayout = {
  ...STUDENT_LAYOUT,
  templateFileName: 'mau-nhap-hoc-sinh-nhieu-truong.xlsx',
  guideTitle: 'Hướng dẫn nhập danh sách học sinh của nhiều trường (cột Mã trường)',
  columns: [
    STUDENT_LAYOUT.columns[0],
    {
      ...STUDENT_LAYOUT.columns.find((c) => c.key === SCHOOL_CODE)!,
      required: true,
      mayBeMissing: false,
      guide:
        'Mã trường (mã của Bộ GD&ĐT) của trường học sinh theo học; trường phải thuộc phạm vi quản lý của tài khoản.',
      example: '',
    },
    ...STUDENT_LAYOUT.columns.slice(1).filter((c) => c.key !== SCHOOL_CODE),
  ],
};
