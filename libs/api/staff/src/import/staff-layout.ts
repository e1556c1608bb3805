import { CONTRACT_LABELS, DATE_GUIDE, ETHNICITY_NAMES, GENDER_LABELS, ImportLayout, POSITION_LABELS, QUALIFICATION_LABELS } from '@emis/api/spreadsheets';

/** The staff list template (docs/domain/records.md, "Staff record": identity, qualification, position, rank and salary grade, contract). */
export const STAFF_LAYOUT: ImportLayout = {
  kind: 'STAFF',
  sheetName: 'Cán bộ',
  templateFileName: 'mau-nhap-can-bo.xlsx',
  guideTitle: 'Hướng dẫn nhập danh sách cán bộ, giáo viên',
  columns: [
    { key: 'personalId', header: 'Mã định danh', kind: 'text', required: true, width: 16, maxLength: 20, guide: 'Số định danh cá nhân 12 chữ số (số căn cước); chữ số 4–6 phải khớp giới tính và năm sinh. Cán bộ đã có trong trường (cùng mã) sẽ được cập nhật.', example: '034085001234' },
    { key: 'fullName', header: 'Họ và tên', kind: 'text', required: true, width: 26, maxLength: 100, guide: 'Họ và tên đầy đủ, có dấu.', example: 'Lê Văn Hùng' },
    { key: 'dateOfBirth', header: 'Ngày sinh', kind: 'date', required: true, width: 14, guide: DATE_GUIDE, example: '12/03/1985' },
    { key: 'gender', header: 'Giới tính', kind: 'text', required: true, width: 10, choices: Object.values(GENDER_LABELS), guide: 'Nam hoặc Nữ.', example: 'Nam' },
    { key: 'ethnicity', header: 'Dân tộc', kind: 'text', required: false, width: 14, choices: ETHNICITY_NAMES, guide: 'Tên một trong 54 dân tộc; để trống là Kinh.', example: 'Kinh' },
    { key: 'phone', header: 'Điện thoại', kind: 'text', required: false, width: 14, maxLength: 20, guide: 'Di động 10 số hoặc cố định 11 số (02…).', example: '0912345678' },
    { key: 'email', header: 'Email', kind: 'text', required: false, width: 26, maxLength: 200, guide: 'Địa chỉ email.', example: 'hung.lv@example.edu.vn' },
    { key: 'position', header: 'Chức vụ', kind: 'text', required: true, width: 16, choices: Object.values(POSITION_LABELS), guide: `Một trong: ${Object.values(POSITION_LABELS).join(', ')}.`, example: 'Giáo viên' },
    { key: 'contractType', header: 'Loại hợp đồng', kind: 'text', required: true, width: 14, choices: Object.values(CONTRACT_LABELS), guide: 'Biên chế (viên chức) hoặc Hợp đồng.', example: 'Biên chế' },
    { key: 'rankCode', header: 'Mã ngạch', kind: 'text', required: false, width: 12, maxLength: 20, guide: 'Mã chức danh nghề nghiệp / ngạch, ví dụ V.07.04.32.', example: 'V.07.04.32' },
    { key: 'salaryCoefficient', header: 'Hệ số lương', kind: 'number', required: false, width: 10, guide: 'Số từ 1 đến 10, tối đa 2 chữ số thập phân (ví dụ 2,34).', example: '2,34' },
    { key: 'salaryStep', header: 'Bậc lương', kind: 'number', required: false, width: 10, guide: 'Số nguyên từ 1 đến 12.', example: '1' },
    { key: 'qualificationLevel', header: 'Trình độ', kind: 'text', required: false, width: 12, choices: Object.values(QUALIFICATION_LABELS), guide: `Trình độ đào tạo cao nhất: ${Object.values(QUALIFICATION_LABELS).join(', ')}. Khi có trình độ thì cần chuyên ngành, nơi đào tạo và năm tốt nghiệp.`, example: 'Đại học' },
    { key: 'major', header: 'Chuyên ngành', kind: 'text', required: false, width: 20, maxLength: 120, guide: 'Chuyên ngành đào tạo.', example: 'Sư phạm Toán' },
    { key: 'institution', header: 'Nơi đào tạo', kind: 'text', required: false, width: 24, maxLength: 200, guide: 'Trường đào tạo.', example: 'Trường Đại học Sư phạm Hà Nội' },
    { key: 'graduationYear', header: 'Năm tốt nghiệp', kind: 'number', required: false, width: 10, guide: 'Năm, 4 chữ số.', example: '2007' },
    { key: 'subjects', header: 'Môn dạy', kind: 'text', required: false, width: 20, maxLength: 300, guide: 'Tên môn trong danh mục môn học, nhiều môn cách nhau bằng dấu chấm phẩy.', example: 'Toán; Tin học' },
    { key: 'startDate', header: 'Ngày vào ngành', kind: 'date', required: true, width: 14, guide: DATE_GUIDE, example: '01/09/2007' },
  ],
};
