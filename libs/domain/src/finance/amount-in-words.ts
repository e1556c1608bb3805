/**
 * An amount of money in Vietnamese words, as a receipt (phiếu thu) prints it on its "Số tiền viết bằng chữ" line:
 * "Một triệu hai trăm năm mươi nghìn đồng". Whole đồng only (money here is never fractional).
 *
 * How Vietnamese reads numbers, and what this follows:
 * - digits are read in groups of three, named nghìn (10^3), triệu (10^6), tỷ (10^9); above a tỷ the groups start
 *   again, so 10^12 is "nghìn tỷ" and 10^15 "triệu tỷ";
 * - a group of only zeros is not read ("một triệu đồng", "một tỷ không trăm linh năm đồng");
 * - a group after the first is read in full, with "không trăm" and "linh" for its zeros ("một nghìn không trăm
 *   linh năm");
 * - after a ten of twenty and above, 1 is "mốt" and 4 is "tư" ("hai mươi mốt", "ba mươi tư"); after any ten, 5 is
 *   "lăm" ("mười lăm", "hai mươi lăm"); ten itself is "mười" ("mười một").
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amountInWords takes whole đồng, got ${amount}`);
  const words = amount === 0 ? DIGITS[0] : numberInWords(Math.abs(amount), true);
  const sentence = `${amount < 0 ? 'âm ' : ''}${words} đồng`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** A positive number below 2^53 in words; `leading`: nothing is read before it (no "không trăm" to fill in). */
function numberInWords(n: number, leading: boolean): string {
  if (n < BILLION) return belowBillion(n, leading);
  const billions = Math.floor(n / BILLION);
  const rest = n % BILLION;
  const head = `${numberInWords(billions, leading)} tỷ`;
  return rest === 0 ? head : `${head} ${belowBillion(rest, false)}`;
}

function belowBillion(n: number, leading: boolean): string {
  const parts: string[] = [];
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const group = Math.floor(n / 1000 ** g) % 1000;
    if (group === 0) continue;
    const first = leading && parts.length === 0;
    parts.push([threeDigits(group, first), GROUPS[g]].filter(Boolean).join(' '));
  }
  return parts.join(' ');
}

/** One group of three digits (1..999); `first`: the group opens the number, so its leading zeros are not read. */
function threeDigits(group: number, first: boolean): string {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  if (hundreds > 0 || !first) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else {
    words.push(tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`);
  }
  if (units > 0) words.push(unitAfter(tens, units));
  return words.join(' ');
}

function unitAfter(tens: number, units: number): string {
  if (units === 5 && tens > 0) return 'lăm';
  if (units === 1 && tens > 1) return 'mốt';
  if (units === 4 && tens > 1) return 'tư';
  return DIGITS[units];
}
