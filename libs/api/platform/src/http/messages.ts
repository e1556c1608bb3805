import { Locale } from '../context/request-context';

/**
 * The API's own words, Vietnamese first. Problem titles by stable code, field-rule messages by class-validator
 * constraint name, and field labels by property name.
 */
const PROBLEM_TITLES: Record<string, Record<Locale, string>> = {
  validation_failed: { vi: 'Dữ liệu không hợp lệ', en: 'The request has invalid fields' },
  bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  unauthorized: { vi: 'Bạn cần đăng nhập', en: 'Sign-in required' },
  invalid_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong user name or password' },
  account_locked: {
    vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần',
    en: 'The account is locked after repeated failed sign-ins',
  },
  invalid_mfa_code: { vi: 'Mã xác thực không đúng', en: 'The verification code is wrong' },
  mfa_not_enrolled: { vi: 'Chưa đăng ký xác thực hai lớp', en: 'Two-factor authentication is not set up' },
  session_expired: { vi: 'Phiên đăng nhập đã hết hạn', en: 'The session has expired' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  version_conflict: {
    vi: 'Dữ liệu đã được người khác thay đổi; hãy tải lại',
    en: 'Someone else changed this record; reload it',
  },
  conflict: { vi: 'Dữ liệu trùng hoặc mâu thuẫn', en: 'Conflicting data' },
  too_many_requests: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
  service_unavailable: { vi: 'Hệ thống đang bận, vui lòng thử lại', en: 'The service is busy, try again' },
  internal_error: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  // Excel imports (libs/api/spreadsheets).
  file_required: { vi: 'Chưa chọn tệp để tải lên', en: 'No file was uploaded' },
  file_too_large: { vi: 'Tệp quá lớn', en: 'The file is too large' },
  invalid_workbook: { vi: 'Tệp không phải là bảng tính Excel (.xlsx)', en: 'The file is not an Excel workbook (.xlsx)' },
  // Students (libs/api/people).
  grade_conflict: {
    vi: 'Người khác vừa lưu điểm của học sinh này; kiểm tra các ô bị đánh dấu rồi lưu lại',
    en: 'Someone else has just saved scores of these students; check the marked cells and save again',
  },
  gradebook_locked: { vi: 'Sổ điểm học kì đã khoá: cần gửi yêu cầu sửa điểm', en: 'The semester gradebook is locked: send a correction request' },
  request_reused: { vi: 'Mã yêu cầu đã dùng cho một sổ điểm khác', en: 'The request id was already used for another gradebook' },
  gradebook_not_locked: { vi: 'Sổ điểm học kì chưa khoá: giáo viên sửa trực tiếp', en: 'The semester is not locked: teachers edit scores directly' },
  correction_not_pending: { vi: 'Yêu cầu sửa điểm đã được xử lý', en: 'The correction request has already been decided' },
  correction_outdated: {
    vi: 'Điểm đã thay đổi kể từ khi gửi yêu cầu; cần gửi yêu cầu mới',
    en: 'The score has changed since the request was made; a new request is needed',
  },
  no_assessment_scheme: { vi: 'Khối lớp này không có sổ điểm', en: 'This grade has no gradebook' },
  year_closed: { vi: 'Năm học đã khoá sổ, không thể thay đổi', en: 'The school year is closed and read-only' },
  record_read_only: {
    vi: 'Hồ sơ học sinh đã lưu trữ (chuyển trường, thôi học hoặc tốt nghiệp), không thể sửa',
    en: 'The student record is kept as history (transferred, dropped out or graduated) and cannot change',
  },
  duplicate_personal_id: { vi: 'Mã định danh đã có trong hồ sơ của trường', en: 'This personal ID is already on record at the school' },
  students_not_enrollable: {
    vi: 'Có học sinh không thuộc trường hoặc không còn đang học; không học sinh nào được xếp lớp',
    en: 'Some students are not studying at this school; no student was enrolled',
  },
  repeaters_not_in_grade: { vi: 'Có học sinh lưu ban không thuộc khối này', en: 'Some repeaters are not in this grade' },
  transfer_pending: { vi: 'Học sinh đang có một yêu cầu chuyển trường chờ xử lý', en: 'The student already has a pending transfer' },
  transfer_not_pending: { vi: 'Yêu cầu chuyển trường đã được xử lý', en: 'The transfer has already been decided' },
  transfer_wrong_side: {
    vi: 'Thao tác này thuộc về trường bên kia của yêu cầu chuyển trường',
    en: 'This action belongs to the other school of the transfer',
  },
  // Calendar, classes, staff (libs/api/academic, libs/api/staff).
  year_not_planned: { vi: 'Chỉ mở được năm học đang ở trạng thái dự kiến', en: 'Only a planned school year can be opened' },
  year_not_open: { vi: 'Chỉ khoá sổ được năm học đang mở', en: 'Only an open school year can be closed' },
  year_not_ended: { vi: 'Năm học chưa kết thúc, chưa thể khoá sổ', en: 'The school year has not ended yet and cannot be closed' },
  staff_transferred: {
    vi: 'Hồ sơ cán bộ đã chuyển công tác, chỉ còn để tra cứu',
    en: 'The staff member has transferred; the record is kept read-only',
  },
  staff_not_active: { vi: 'Cán bộ không còn công tác tại trường', en: 'The staff member no longer works at the school' },
};

const RULE_MESSAGES: Record<string, Record<Locale, string>> = {
  isNotEmpty: { vi: '{field} không được để trống', en: '{field} is required' },
  isDefined: { vi: '{field} là bắt buộc', en: '{field} is required' },
  isString: { vi: '{field} phải là chuỗi ký tự', en: '{field} must be text' },
  isInt: { vi: '{field} phải là số nguyên', en: '{field} must be a whole number' },
  isNumber: { vi: '{field} phải là số', en: '{field} must be a number' },
  isBoolean: { vi: '{field} phải là đúng/sai', en: '{field} must be true or false' },
  isEmail: { vi: '{field} không đúng định dạng email', en: '{field} must be an email address' },
  isUrl: { vi: '{field} không phải địa chỉ web hợp lệ', en: '{field} must be a web address' },
  isUUID: { vi: '{field} không đúng định dạng mã', en: '{field} must be a valid id' },
  isIn: { vi: '{field} phải là một trong: {0}', en: '{field} must be one of: {0}' },
  isEnum: { vi: '{field} có giá trị không hợp lệ', en: '{field} has an invalid value' },
  min: { vi: '{field} phải lớn hơn hoặc bằng {0}', en: '{field} must be at least {0}' },
  max: { vi: '{field} phải nhỏ hơn hoặc bằng {0}', en: '{field} must be at most {0}' },
  minLength: { vi: '{field} phải có ít nhất {0} ký tự', en: '{field} must be at least {0} characters' },
  maxLength: { vi: '{field} không được dài quá {0} ký tự', en: '{field} must be at most {0} characters' },
  length: { vi: '{field} phải có độ dài {0}–{1} ký tự', en: '{field} must be {0}–{1} characters long' },
  matches: { vi: '{field} không đúng định dạng', en: '{field} has the wrong format' },
  isVnPhone: {
    vi: '{field} phải là số điện thoại Việt Nam (di động 10 số, cố định 11 số bắt đầu bằng 02)',
    en: '{field} must be a Vietnamese phone number (mobile 10 digits, landline 11 digits starting with 02)',
  },
  wrongPassword: { vi: '{field} không đúng', en: '{field} is wrong' },
  'password.tooShort': { vi: '{field} phải có ít nhất 10 ký tự', en: '{field} must be at least 10 characters' },
  'password.tooLong': { vi: '{field} không được dài quá 200 ký tự', en: '{field} must be at most 200 characters' },
  'password.needsLetter': { vi: '{field} phải có ít nhất một chữ cái', en: '{field} must contain a letter' },
  'password.needsDigit': { vi: '{field} phải có ít nhất một chữ số', en: '{field} must contain a digit' },
  'password.containsUsername': { vi: '{field} không được chứa tên đăng nhập', en: '{field} must not contain the user name' },
  'password.unchanged': { vi: '{field} phải khác mật khẩu hiện tại', en: '{field} must differ from the current password' },
  whitelistValidation: { vi: 'Trường {field} không được phép', en: 'Field {field} is not allowed' },
  unknownValue: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  arrayMaxSize: { vi: '{field} có nhiều nhất {0} mục', en: '{field} may hold at most {0} items' },
  arrayMinSize: { vi: '{field} phải có ít nhất {0} mục', en: '{field} must hold at least {0} items' },
  arrayUnique: { vi: '{field} có mục bị trùng', en: '{field} has duplicate items' },
  // Students (libs/api/people).
  personalIdFormat: { vi: '{field} phải gồm đúng 12 chữ số', en: '{field} must be exactly 12 digits' },
  personalIdProvince: { vi: '{field} có mã tỉnh (3 số đầu) không hợp lệ', en: '{field} has an unknown province code (first 3 digits)' },
  personalIdMismatch: {
    vi: '{field} không khớp với năm sinh hoặc giới tính',
    en: '{field} does not match the year of birth or the gender',
  },
  vietnameseFullName: {
    vi: '{field} phải gồm 2–7 từ, chỉ có chữ cái (có thể nối bằng dấu nháy hoặc gạch nối)',
    en: '{field} must be 2–7 words of letters (parts may be joined by an apostrophe or a hyphen)',
  },
  isRealDate: { vi: '{field} phải là một ngày có thật (yyyy-MM-dd)', en: '{field} must be a real date (yyyy-MM-dd)' },
  schoolAge: { vi: '{field} cho tuổi ngoài khoảng {0}–{1}', en: '{field} gives an age outside {0}–{1} years' },
  isEthnicityCode: { vi: '{field} không thuộc danh mục 54 dân tộc', en: '{field} is not one of the 54 ethnic groups' },
  unknownClass: { vi: '{field} không phải một lớp của trường', en: '{field} is not a class of this school' },
  unknownYear: { vi: '{field} không phải một năm học', en: '{field} is not a school year' },
  unknownSchool: { vi: '{field} không phải một trường trong tỉnh', en: '{field} is not a school of the province' },
  sameSchool: { vi: '{field} phải khác trường hiện tại', en: '{field} must differ from the current school' },
  schoolLacksGrade: { vi: '{field}: trường nhận không dạy khối {0}', en: '{field}: the receiving school does not teach grade {0}' },
  gradeNotTaught: { vi: '{field} không phải khối lớp của trường', en: '{field} is not a grade this school teaches' },
  dateInYear: { vi: '{field} phải nằm trong năm học ({0} – {1})', en: '{field} must lie in the school year ({0} – {1})' },
  dateAfter: { vi: '{field} phải sau ngày {0}', en: '{field} must be after {0}' },
  // Calendar, classes, staff (libs/api/academic, libs/api/staff).
  inRange: { vi: '{field} phải trong khoảng {0} – {1}', en: '{field} must be between {0} and {1}' },
  notInFuture: { vi: '{field} không được ở tương lai', en: '{field} cannot be in the future' },
  schoolYearCode: { vi: 'Mã năm học phải là hai năm liên tiếp, ví dụ 2026-2027', en: 'The year code must be two consecutive years, e.g. 2026-2027' },
  schoolYearExists: { vi: 'Năm học này đã có', en: 'This school year already exists' },
  notActiveStaff: { vi: '{field} phải là cán bộ đang công tác tại trường', en: '{field} must be an active staff member of the school' },
  notEnrolled: { vi: '{field}: học sinh không thuộc lớp vào ngày này', en: '{field}: the student is not in the class on this day' },
  subjectNotOfLevel: { vi: '{field} không phải môn học của cấp học của lớp', en: '{field} is not a subject of the class level' },
  unknownSubject: { vi: '{field} có môn học không có trong danh mục', en: '{field} names a subject not in the catalogue' },
  duplicate: { vi: '{field} bị trùng', en: '{field} is a duplicate' },
  // Gradebook (libs/api/grading; the rule codes are the domain's CellError codes).
  notANumber: { vi: '{field}: điểm phải là một số', en: '{field}: the score must be a number' },
  outOfRange: { vi: '{field}: điểm phải trong khoảng {0} – {1}', en: '{field}: the score must be between {0} and {1}' },
  tooManyDecimals: { vi: '{field}: điểm có nhiều nhất {0} chữ số thập phân', en: '{field}: the score has at most {0} decimal places' },
  notARating: { vi: '{field}: phải là một trong: {0}', en: '{field}: must be one of: {0}' },
  unknownColumn: { vi: '{field} không phải một cột của sổ điểm', en: '{field} is not a column of this gradebook' },
  notInClass: { vi: '{field}: học sinh không thuộc lớp', en: '{field}: the student is not in the class' },
  noChange: { vi: '{field}: không có thay đổi nào', en: '{field}: nothing changes' },
  // Conduct and results (libs/api/grading).
  unknownQuality: { vi: '{field} không phải một phẩm chất hay năng lực cần đánh giá', en: '{field} is not a quality or competency that is rated' },
  notForScheme: { vi: '{field} không dùng cho lớp đánh giá theo {0}', en: '{field} does not apply to a class assessed under {0}' },
};

const FIELD_LABELS: Record<string, Record<Locale, string>> = {
  username: { vi: 'Tên đăng nhập', en: 'User name' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  code: { vi: 'Mã xác thực', en: 'Verification code' },
  mfaToken: { vi: 'Phiên xác thực', en: 'Verification session' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  email: { vi: 'Email', en: 'Email' },
  principalName: { vi: 'Hiệu trưởng', en: 'Principal' },
  foundedYear: { vi: 'Năm thành lập', en: 'Year founded' },
  website: { vi: 'Trang web', en: 'Website' },
  version: { vi: 'Phiên bản', en: 'Version' },
  page: { vi: 'Trang', en: 'Page' },
  pageSize: { vi: 'Số dòng mỗi trang', en: 'Page size' },
  sort: { vi: 'Sắp xếp', en: 'Sort' },
  q: { vi: 'Từ khoá', en: 'Search text' },
  level: { vi: 'Cấp học', en: 'Level' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  schoolId: { vi: 'Trường', en: 'School' },
  entity: { vi: 'Loại dữ liệu', en: 'Entity' },
  // Students (libs/api/people).
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
  // Calendar, classes, staff (libs/api/academic, libs/api/staff).
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
  training: { vi: 'Kết quả rèn luyện', en: 'Training result' },
  qualities: { vi: 'Phẩm chất, năng lực', en: 'Qualities and competencies' },
  period: { vi: 'Kì đánh giá', en: 'Period' },
};

export function problemTitle(code: string, locale: Locale): string {
  return (PROBLEM_TITLES[code] ?? PROBLEM_TITLES['bad_request'])[locale];
}

export function isKnownProblem(code: string): boolean {
  return code in PROBLEM_TITLES;
}

export function fieldLabel(path: string, locale: Locale): string {
  const leaf = path.split('.').pop() ?? path;
  return FIELD_LABELS[leaf]?.[locale] ?? leaf;
}

export function ruleMessage(rule: string, path: string, args: readonly unknown[], locale: Locale): string {
  const template = (RULE_MESSAGES[rule] ?? RULE_MESSAGES['unknownValue'])[locale];
  return template
    .replace('{field}', fieldLabel(path, locale))
    .replace(/\{(\d)\}/g, (_, i: string) => formatArg(args[Number(i)]));
}

function formatArg(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

export function localeFrom(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
