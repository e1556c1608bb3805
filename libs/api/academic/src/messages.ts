import { MessageCatalogue } from '@emis/api/platform';

/** The words of the school calendar, classes, teaching assignments and attendance, Vietnamese first; registered with platform's message lookup by the app. */
export const ACADEMIC_MESSAGES: MessageCatalogue = {
  problems: {
    settings_conflict: {
      vi: 'Cài đặt quy định của năm học vừa được người khác thay đổi; hãy tải lại rồi lưu lại',
      en: 'The year’s rule settings were changed by someone else; reload them and save again',
    },
    year_closed: { vi: 'Năm học đã khoá sổ, không thể thay đổi', en: 'The school year is closed and read-only' },
    year_not_planned: {
      vi: 'Chỉ mở được năm học đang ở trạng thái dự kiến',
      en: 'Only a planned school year can be opened',
    },
    year_not_open: { vi: 'Chỉ khoá sổ được năm học đang mở', en: 'Only an open school year can be closed' },
    year_not_ended: {
      vi: 'Năm học chưa kết thúc, chưa thể khoá sổ',
      en: 'The school year has not ended yet and cannot be closed',
    },
  },
  rules: {
    classSizeCeiling: {
      vi: 'Sĩ số tối đa của khối {field} phải là số nguyên từ {0} đến {1}',
      en: 'The class-size ceiling of grade {field} must be a whole number from {0} to {1}',
    },
    unknownGrade: { vi: '{field} không phải một khối lớp', en: '{field} is not a grade' },
    unknownYear: { vi: '{field} không phải một năm học', en: '{field} is not a school year' },
    schoolYearCode: {
      vi: 'Mã năm học phải là hai năm liên tiếp, ví dụ 2026-2027',
      en: 'The year code must be two consecutive years, e.g. 2026-2027',
    },
    schoolYearExists: { vi: 'Năm học này đã có', en: 'This school year already exists' },
    outsideSemesters: {
      vi: '{field} không thuộc học kì nào của trường (học kì I: {0}; học kì II: {1})',
      en: '{field} is in neither of the school’s semesters (semester I: {0}; semester II: {1})',
    },
    sundayNoSchool: { vi: '{field} là Chủ nhật, không phải ngày học', en: '{field} is a Sunday, not a school day' },
    publicHoliday: {
      vi: '{field} là ngày nghỉ lễ, không phải ngày học',
      en: '{field} is a public holiday, not a school day',
    },
    notEnrolled: {
      vi: '{field}: học sinh không thuộc lớp vào ngày này',
      en: '{field}: the student is not in the class on this day',
    },
    subjectNotOfLevel: {
      vi: '{field} không phải môn học của cấp học của lớp',
      en: '{field} is not a subject of the class level',
    },
    unknownSubject: {
      vi: '{field} có môn học không có trong danh mục',
      en: '{field} names a subject not in the catalogue',
    },
  },
  fields: {
    c22Adjustment: {
      vi: 'Cách điều chỉnh kết quả học tập (Điều 9.3 Thông tư 22)',
      en: 'Learning result adjustment (Circular 22 Art. 9.3)',
    },
    missingAssessment: { vi: 'Bài kiểm tra thiếu không kiểm tra bù', en: 'Missed assessment never made up' },
    c58ForeignLanguage: {
      vi: 'Ngoại ngữ thay Toán hoặc Ngữ văn (Thông tư 58)',
      en: 'Foreign language for Maths or Literature (Circular 58)',
    },
    classSizeCeilings: { vi: 'Sĩ số tối đa theo khối', en: 'Class-size ceilings by grade' },
    startsOn: { vi: 'Ngày bắt đầu năm học', en: 'Year start' },
    endsOn: { vi: 'Ngày kết thúc năm học', en: 'Year end' },
    semester1Start: { vi: 'Ngày bắt đầu học kì I', en: 'Semester I start' },
    semester1End: { vi: 'Ngày kết thúc học kì I', en: 'Semester I end' },
    semester2Start: { vi: 'Ngày bắt đầu học kì II', en: 'Semester II start' },
    semester2End: { vi: 'Ngày kết thúc học kì II', en: 'Semester II end' },
    name: { vi: 'Tên', en: 'Name' },
    homeroomStaffId: { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' },
    room: { vi: 'Phòng học', en: 'Room' },
    programme: { vi: 'Chương trình', en: 'Programme' },
    entries: { vi: 'Danh sách điểm danh', en: 'Attendance entries' },
    studentId: { vi: 'Học sinh', en: 'Student' },
    month: { vi: 'Tháng', en: 'Month' },
    semester: { vi: 'Học kì', en: 'Semester' },
    items: { vi: 'Danh sách phân công', en: 'Assignments' },
    subjectCode: { vi: 'Môn học', en: 'Subject' },
  },
};
