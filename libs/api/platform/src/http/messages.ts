import { Locale } from '../context/request-context';

/** A text in every language of the interface, Vietnamese first. */
export type Localized = Record<Locale, string>;

/**
 * A context's own words: problem titles by stable code, field-rule messages by class-validator constraint name (or
 * the rule code a context reports), and field labels by property name. Each context keeps its catalogue beside its
 * code (libs/api/<context>/src/messages.ts); the app registers every catalogue at start (registerMessages).
 */
export interface MessageCatalogue {
  problems?: Readonly<Record<string, Localized>>;
  rules?: Readonly<Record<string, Localized>>;
  fields?: Readonly<Record<string, Localized>>;
  /**
   * The SQLSTATEs the context's own triggers raise (its own codes, e.g. 'EF001'), with the answer the caller gets:
   * a refusal written once beside the trigger's words, whichever service's statement hit it.
   */
  databaseRefusals?: Readonly<Record<string, DatabaseRefusal>>;
}

/** How a refusal raised by the database is answered: an HTTP status and a problem code of the catalogue. */
export interface DatabaseRefusal {
  status: number;
  problem: string;
}

/** The generic words: HTTP problems, class-validator's rules and shape checks, the paging fields. */
const GENERIC: MessageCatalogue = {
  problems: {
    validation_failed: { vi: 'Dữ liệu không hợp lệ', en: 'The request has invalid fields' },
    bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
    malformed_json: { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
    body_too_large: { vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
    unauthorized: { vi: 'Bạn cần đăng nhập', en: 'Sign-in required' },
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
  },
  rules: {
    isNotEmpty: { vi: '{field} không được để trống', en: '{field} is required' },
    isDefined: { vi: '{field} là bắt buộc', en: '{field} is required' },
    isString: { vi: '{field} phải là chuỗi ký tự', en: '{field} must be text' },
    isInt: { vi: '{field} phải là số nguyên', en: '{field} must be a whole number' },
    isNumber: { vi: '{field} phải là số', en: '{field} must be a number' },
    isBoolean: { vi: '{field} phải là đúng/sai', en: '{field} must be true or false' },
    isEmail: { vi: '{field} không đúng định dạng email', en: '{field} must be an email address' },
    isUrl: { vi: '{field} không phải địa chỉ web hợp lệ', en: '{field} must be a web address' },
    isUUID: { vi: '{field} không đúng định dạng mã', en: '{field} must be a valid id' },
    // class-validator 0.15 names @IsUUID()'s rule so: without it a bad id was answered "Dữ liệu không hợp lệ".
    isUuid: { vi: '{field} không đúng định dạng mã', en: '{field} must be a valid id' },
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
    whitelistValidation: { vi: 'Trường {field} không được phép', en: 'Field {field} is not allowed' },
    unknownValue: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
    arrayMaxSize: { vi: '{field} có nhiều nhất {0} mục', en: '{field} may hold at most {0} items' },
    arrayMinSize: { vi: '{field} phải có ít nhất {0} mục', en: '{field} must hold at least {0} items' },
    arrayUnique: { vi: '{field} có mục bị trùng', en: '{field} has duplicate items' },
    isRealDate: { vi: '{field} phải là một ngày có thật (yyyy-MM-dd)', en: '{field} must be a real date (yyyy-MM-dd)' },
    dateAfter: { vi: '{field} phải sau ngày {0}', en: '{field} must be after {0}' },
    inRange: { vi: '{field} phải trong khoảng {0} – {1}', en: '{field} must be between {0} and {1}' },
    notInFuture: { vi: '{field} không được ở tương lai', en: '{field} cannot be in the future' },
    duplicate: { vi: '{field} bị trùng', en: '{field} is a duplicate' },
  },
  fields: {
    version: { vi: 'Phiên bản', en: 'Version' },
    page: { vi: 'Trang', en: 'Page' },
    pageSize: { vi: 'Số dòng mỗi trang', en: 'Page size' },
    sort: { vi: 'Sắp xếp', en: 'Sort' },
    q: { vi: 'Từ khoá', en: 'Search text' },
  },
};

const PROBLEM_TITLES: Record<string, Localized> = {};
const RULE_MESSAGES: Record<string, Localized> = {};
const FIELD_LABELS: Record<string, Localized> = {};
const DATABASE_REFUSALS: Record<string, DatabaseRefusal> = {};
registerMessages(GENERIC);

/**
 * Adds contexts' catalogues to the lookup. A key is one text: registering a key again with other words throws, so two
 * contexts cannot silently overwrite each other's label.
 */
export function registerMessages(...catalogues: readonly MessageCatalogue[]): void {
  for (const catalogue of catalogues) {
    merge(PROBLEM_TITLES, catalogue.problems, 'problem');
    merge(RULE_MESSAGES, catalogue.rules, 'rule');
    merge(FIELD_LABELS, catalogue.fields, 'field');
    for (const [sqlState, refusal] of Object.entries(catalogue.databaseRefusals ?? {})) {
      const known = DATABASE_REFUSALS[sqlState];
      if (known && (known.status !== refusal.status || known.problem !== refusal.problem))
        throw new Error(`The database refusal '${sqlState}' is registered twice with different answers`);
      DATABASE_REFUSALS[sqlState] = refusal;
    }
  }
}

/** The answer registered for a SQLSTATE a context's trigger raises, if any. */
export function databaseRefusal(sqlState: string): DatabaseRefusal | undefined {
  return Object.hasOwn(DATABASE_REFUSALS, sqlState) ? DATABASE_REFUSALS[sqlState] : undefined;
}

function merge(into: Record<string, Localized>, from: Readonly<Record<string, Localized>> = {}, kind: string): void {
  for (const [key, text] of Object.entries(from)) {
    const known = into[key];
    if (known && (known.vi !== text.vi || known.en !== text.en))
      throw new Error(`The ${kind} '${key}' is registered twice with different words`);
    into[key] = text;
  }
}

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
