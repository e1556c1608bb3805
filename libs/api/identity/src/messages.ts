import { MessageCatalogue } from '@emis/api/platform';

/** The words of sign-in, verification codes and passwords, Vietnamese first; registered with platform's message lookup by the app. */
export const IDENTITY_MESSAGES: MessageCatalogue = {
  problems: {
    invalid_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong user name or password' },
    account_locked: {
      vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần; hãy nhờ quản trị viên mở khoá',
      en: 'The account is locked after repeated failed sign-ins; ask your administrator to unlock it',
    },
    sign_in_backoff: {
      vi: 'Đăng nhập sai nhiều lần; hãy chờ một lát rồi thử lại',
      en: 'Too many failed sign-ins; wait a moment before trying again',
    },
    sign_in_throttled: {
      vi: 'Quá nhiều lần đăng nhập sai từ địa chỉ này; hãy thử lại sau',
      en: 'Too many failed sign-ins from this address; try again later',
    },
    mfa_role_fixed: {
      vi: 'Vai trò này luôn phải dùng xác thực hai lớp',
      en: 'This role must always use two-factor authentication',
    },
    mfa_enrolment_not_started: {
      vi: 'Chưa bắt đầu đăng ký ứng dụng xác thực mới',
      en: 'No new authenticator is being set up',
    },
    invalid_mfa_code: { vi: 'Mã xác thực không đúng', en: 'The verification code is wrong' },
    mfa_not_enrolled: { vi: 'Chưa đăng ký xác thực hai lớp', en: 'Two-factor authentication is not set up' },
    session_expired: { vi: 'Phiên đăng nhập đã hết hạn', en: 'The session has expired' },
    session_ended: {
      vi: 'Phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại',
      en: 'The session has ended; please sign in again',
    },
  },
  rules: {
    wrongPassword: { vi: '{field} không đúng', en: '{field} is wrong' },
    'password.tooShort': { vi: '{field} phải có ít nhất 10 ký tự', en: '{field} must be at least 10 characters' },
    'password.tooLong': { vi: '{field} không được dài quá 200 ký tự', en: '{field} must be at most 200 characters' },
    'password.needsLetter': { vi: '{field} phải có ít nhất một chữ cái', en: '{field} must contain a letter' },
    'password.needsDigit': { vi: '{field} phải có ít nhất một chữ số', en: '{field} must contain a digit' },
    'password.containsUsername': {
      vi: '{field} không được chứa tên đăng nhập',
      en: '{field} must not contain the user name',
    },
    'password.common': {
      vi: '{field} quá phổ biến, dễ bị đoán',
      en: '{field} is too common and easy to guess',
    },
    'password.containsName': {
      vi: '{field} không được chứa họ tên hay tên đăng nhập',
      en: '{field} must not contain your name or user name',
    },
    'password.repetitive': {
      vi: '{field} không được gồm các ký tự lặp lại hay liên tiếp',
      en: '{field} must not be repeated or sequential characters',
    },
    'password.unchanged': {
      vi: '{field} phải khác mật khẩu hiện tại',
      en: '{field} must differ from the current password',
    },
  },
  fields: {
    username: { vi: 'Tên đăng nhập', en: 'User name' },
    password: { vi: 'Mật khẩu', en: 'Password' },
    currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
    newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
    code: { vi: 'Mã xác thực', en: 'Verification code' },
    mfaToken: { vi: 'Phiên xác thực', en: 'Verification session' },
    recoveryCode: { vi: 'Mã khôi phục', en: 'Recovery code' },
  },
};
