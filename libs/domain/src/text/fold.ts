/**
 * Vietnamese text folded for matching: diacritics removed, đ/Đ read as d, lower case — so "may chieu" finds
 * "Máy chiếu" and "truong thpt" finds "Trường THPT". One definition for every search box and typed-in code.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
