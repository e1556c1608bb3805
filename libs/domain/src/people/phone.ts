/**
 * Vietnamese telephone numbers since the 2017–2018 renumbering: mobile numbers have 10 digits (03, 05, 07, 08, 09),
 * landlines 11 digits (02 + area code + subscriber). Spaces, dots and dashes are accepted and dropped.
 */
export const VN_PHONE_PATTERN = /^(0[35789]\d{8}|02\d{9})$/;

export function normalizePhone(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

export function isVietnamesePhone(value: string): boolean {
  return VN_PHONE_PATTERN.test(normalizePhone(value));
}
