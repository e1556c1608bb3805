import { MessageCatalogue } from '@emis/api/platform';

/** The words of accounts administration, Vietnamese first; registered with platform's message lookup by the app. */
export const ACCOUNTS_MESSAGES: MessageCatalogue = {
  problems: {
    own_account: {
      vi: 'Không thể tự thay đổi vai trò hoặc khoá tài khoản của chính mình',
      en: 'You cannot change the role of, or disable, your own account',
    },
    account_not_manageable: {
      vi: 'Bạn không quản trị tài khoản này',
      en: 'You do not administer this account',
    },
    role_not_grantable: {
      vi: 'Bạn không được cấp vai trò cao hơn vai trò của mình hoặc ngoài phạm vi quản lý',
      en: 'You may not give a role above your own or outside what you administer',
    },
    account_already_disabled: { vi: 'Tài khoản đã bị vô hiệu hoá', en: 'The account is already disabled' },
    account_not_disabled: { vi: 'Tài khoản đang hoạt động', en: 'The account is not disabled' },
    account_not_locked: { vi: 'Tài khoản không bị tạm khoá', en: 'The account is not locked' },
    staff_not_working: {
      vi: 'Cán bộ không còn làm việc tại trường: không thể mở lại tài khoản',
      en: 'The staff member no longer works at the school: the account cannot be enabled',
    },
    reset_request_handled: {
      vi: 'Yêu cầu đặt lại mật khẩu đã được xử lý',
      en: 'The password reset request has already been handled',
    },
  },
  rules: {
    roleUnitKind: {
      vi: '{field} không thuộc loại đơn vị này (vai trò của Sở, của đơn vị hay của trường)',
      en: '{field} does not belong to this kind of unit (department, unit or school role)',
    },
    roleUnchanged: { vi: '{field} giống vai trò hiện tại', en: '{field} is the current role' },
    usernameTaken: { vi: '{field} đã được dùng', en: '{field} is already taken' },
    staffNotInSchool: { vi: '{field} không thuộc trường này', en: '{field} is not of this school' },
    staffNotWorking: { vi: '{field} không còn làm việc tại trường', en: '{field} no longer works at the school' },
    staffHasAccount: { vi: '{field} đã có tài khoản', en: '{field} already has an account' },
    staffNotForUnit: {
      vi: '{field} chỉ dùng cho tài khoản của trường',
      en: '{field} is only for school accounts',
    },
    notASchool: { vi: '{field} không phải là trường học', en: '{field} is not a school' },
  },
  fields: {
    role: { vi: 'Vai trò', en: 'Role' },
    defaultRole: { vi: 'Vai trò mặc định', en: 'Default role' },
    staffIds: { vi: 'Danh sách cán bộ', en: 'Staff members' },
    withoutMfa: { vi: 'Chưa bật xác thực hai lớp', en: 'Without two-factor' },
    format: { vi: 'Định dạng', en: 'Format' },
  },
};
