import { MessageCatalogue } from '@emis/api/platform';

/** The words of students, enrolments, promotion and transfers, Vietnamese first; registered with platform's message lookup by the app. */
export const PEOPLE_MESSAGES: MessageCatalogue = {
  problems: {
    reveal_not_allowed: {
      vi: 'Vai trò của bạn không được xem mã định danh đầy đủ',
      en: 'Your role may not see personal IDs in full',
    },
    record_read_only: {
      vi: 'Hồ sơ học sinh đã lưu trữ (chuyển trường, thôi học hoặc tốt nghiệp), không thể sửa',
      en: 'The student record is kept as history (transferred, dropped out or graduated) and cannot change',
    },
    duplicate_personal_id: {
      vi: 'Mã định danh đã có trong hồ sơ của trường',
      en: 'This personal ID is already on record at the school',
    },
    students_not_enrollable: {
      vi: 'Có học sinh không thuộc trường hoặc không còn đang học; không học sinh nào được xếp lớp',
      en: 'Some students are not studying at this school; no student was enrolled',
    },
    repeaters_not_in_grade: {
      vi: 'Có học sinh lưu ban không thuộc khối này',
      en: 'Some repeaters are not in this grade',
    },
    transfer_pending: {
      vi: 'Học sinh đang có một yêu cầu chuyển trường chờ xử lý',
      en: 'The student already has a pending transfer',
    },
    transfer_not_pending: { vi: 'Yêu cầu chuyển trường đã được xử lý', en: 'The transfer has already been decided' },
    transfer_wrong_side: {
      vi: 'Thao tác này thuộc về trường bên kia của yêu cầu chuyển trường',
      en: 'This action belongs to the other school of the transfer',
    },
  },
  rules: {
    personalIdFormat: { vi: '{field} phải gồm đúng 12 chữ số', en: '{field} must be exactly 12 digits' },
    personalIdProvince: {
      vi: '{field} có mã tỉnh (3 số đầu) không hợp lệ',
      en: '{field} has an unknown province code (first 3 digits)',
    },
    personalIdMismatch: {
      vi: '{field} không khớp với năm sinh hoặc giới tính',
      en: '{field} does not match the year of birth or the gender',
    },
    vietnameseFullName: {
      vi: '{field} phải gồm 2–7 từ, chỉ có chữ cái (có thể nối bằng dấu nháy hoặc gạch nối)',
      en: '{field} must be 2–7 words of letters (parts may be joined by an apostrophe or a hyphen)',
    },
    schoolAge: { vi: '{field} cho tuổi ngoài khoảng {0}–{1}', en: '{field} gives an age outside {0}–{1} years' },
    isEthnicityCode: {
      vi: '{field} không thuộc danh mục 54 dân tộc',
      en: '{field} is not one of the 54 ethnic groups',
    },
    unknownClass: { vi: '{field} không phải một lớp của trường', en: '{field} is not a class of this school' },
    sameSchool: { vi: '{field} phải khác trường hiện tại', en: '{field} must differ from the current school' },
    schoolLacksGrade: {
      vi: '{field}: trường nhận không dạy khối {0}',
      en: '{field}: the receiving school does not teach grade {0}',
    },
    dateInYear: {
      vi: '{field} phải nằm trong năm học ({0} – {1})',
      en: '{field} must lie in the school year ({0} – {1})',
    },
    searchWords: {
      vi: '{field} phải có từ 1 đến {0} từ của họ tên, hoặc đúng 12 chữ số của mã định danh',
      en: '{field} must hold 1 to {0} words of a name, or the 12 digits of a personal ID',
    },
    searchCursor: {
      vi: '{field} không hợp lệ: hãy tìm lại từ trang đầu',
      en: '{field} is not valid: search again from the first page',
    },
  },
  fields: {
    personalId: { vi: 'Mã định danh', en: 'Personal ID' },
    fullName: { vi: 'Họ và tên', en: 'Full name' },
    dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
    gender: { vi: 'Giới tính', en: 'Gender' },
    ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
    religion: { vi: 'Tôn giáo', en: 'Religion' },
    nationality: { vi: 'Quốc tịch', en: 'Nationality' },
    placeOfBirth: { vi: 'Nơi sinh', en: 'Place of birth' },
    permanentAddress: { vi: 'Địa chỉ thường trú', en: 'Permanent address' },
    currentAddress: { vi: 'Chỗ ở hiện nay', en: 'Current address' },
    policyGroups: { vi: 'Đối tượng chính sách', en: 'Policy groups' },
    disability: { vi: 'Khuyết tật', en: 'Disability' },
    guardians: { vi: 'Cha mẹ/người giám hộ', en: 'Parents/guardians' },
    relation: { vi: 'Quan hệ', en: 'Relation' },
    occupation: { vi: 'Nghề nghiệp', en: 'Occupation' },
    birthYear: { vi: 'Năm sinh', en: 'Year of birth' },
    classId: { vi: 'Lớp', en: 'Class' },
    fromDate: { vi: 'Từ ngày', en: 'From' },
    reason: { vi: 'Lý do', en: 'Reason' },
    studentIds: { vi: 'Danh sách học sinh', en: 'Students' },
    toSchoolId: { vi: 'Trường chuyển đến', en: 'Receiving school' },
    effectiveOn: { vi: 'Ngày chuyển', en: 'Effective date' },
    note: { vi: 'Ghi chú', en: 'Note' },
    schoolYearId: { vi: 'Năm học', en: 'School year' },
    yearId: { vi: 'Năm học', en: 'School year' },
    grade: { vi: 'Khối', en: 'Grade' },
    repeaterIds: { vi: 'Học sinh lưu ban', en: 'Repeaters' },
    date: { vi: 'Ngày', en: 'Date' },
    status: { vi: 'Trạng thái', en: 'Status' },
    direction: { vi: 'Chiều chuyển', en: 'Direction' },
    cursor: { vi: 'Vị trí trang', en: 'Page position' },
  },
};
