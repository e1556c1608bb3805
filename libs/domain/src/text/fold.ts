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

/**
 * A text as a part of a download's file name: diacritics removed, đ/Đ read as d/D, case kept, every run of other
 * characters one hyphen — "Nguyễn Văn An" → "Nguyen-Van-An" — so every browser and file system keeps it as it is.
 */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
