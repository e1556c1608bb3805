/**
 * A person's name written as Vietnamese records write it (docs/conventions.md, "Names"): spaces collapsed, composed
 * Unicode, and each word — each part of a word joined by an apostrophe or a hyphen, as in H'Hen Niê or Y-Moan — begins
 * with a capital and continues in lower case, diacritics kept: "nguyễn  thùy anh" → "Nguyễn Thùy Anh",
 * "ĐỖ VĂN ĐỨC" → "Đỗ Văn Đức". The web applies it as the user leaves a name field; the API applies it again to every
 * name it stores, so a name is written one way whatever client sent it.
 */
export function capitaliseVietnameseName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) =>
      word
        .toLocaleLowerCase('vi')
        .replace(/(^|['’-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toLocaleUpperCase('vi')),
    )
    .join(' ');
}
