/**
 * Vietnamese lists sort by given name (the last word), then middle names, then family name (the first word),
 * with Vietnamese collation: "Anh" < "Ánh" < "Bình" < "Đức" < "Dũng" is wrong; đ sorts after d.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'base', ignorePunctuation: true });
const accentCollator = new Intl.Collator('vi', { sensitivity: 'accent' });

export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

export function compareVietnameseNames(a: string, b: string): number {
  const x = splitVietnameseName(a);
  const y = splitVietnameseName(b);
  for (const key of ['given', 'middle', 'family'] as const) {
    const byBase = collator.compare(x[key], y[key]);
    if (byBase !== 0) return byBase;
  }
  for (const key of ['given', 'middle', 'family'] as const) {
    const byAccent = accentCollator.compare(x[key], y[key]);
    if (byAccent !== 0) return byAccent;
  }
  return 0;
}

/**
 * A full name as school records write it: 2 to 7 words of letters with their diacritics (composed or not). A word may
 * join parts with an apostrophe or a hyphen, as Central Highlands names do (H'Hen Niê, Y-Moan Ênuôl, Ksor H'Bia).
 * Digits and symbols are refused, which also keeps a name from ever starting a spreadsheet formula.
 */
export const FULL_NAME_PATTERN =
  /^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*(?: [\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*){1,6}$/u;

export function isValidFullName(name: string): boolean {
  return FULL_NAME_PATTERN.test(name.normalize('NFC').trim().replace(/\s+/g, ' '));
}
