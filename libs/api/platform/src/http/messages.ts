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
