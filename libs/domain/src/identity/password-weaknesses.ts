/**
 * Passwords that meet the length rules and are still guessed first (NIST SP 800-63B §5.1.1.2: refuse values known to
 * be commonly used, expected or compromised, and context-specific words such as the user's name). Kept offline and
 * small: the words guessers try first, in English and Vietnamese, and words of this system's users.
 */
const COMMON_WORDS = new Set(
  [
    'password passwd pass matkhau admin administrator root qwerty qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm',
    'qazwsx iloveyou welcome letmein changeme secret default login user guest test abc abcd abcde abcdef dragon',
    'monkey football master sunshine princess superman batman emis ketoan giaovien giaovienchunhiem hocsinh',
    'truong truonghoc hieutruong hieupho vanthu thuquy phonggiaoduc sogiaoduc giaoduc vietnam hanoi saigon',
    'hungyen anhyeuem emyeuanh yeuem yeuanh xinchao chaoban',
  ]
    .join(' ')
    .split(' '),
);

/** What makes a password easy to guess besides its length: a common word, the user's names, a run of keys. */
export type PasswordWeakness = 'common' | 'containsName' | 'repetitive';

/** Lower case without Vietnamese marks (đ → d), so "Kế Toán" and "ketoan" meet. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

/**
 * The letters of a password once digits and symbols go, read as written and with the usual substitutions inside the
 * word undone ("p@ssw0rd"; the digits around it stay digits).
 */
function letterCores(password: string): string[] {
  const lower = plain(password);
  const word = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const unleet = word.replace(/@/g, 'a').replace(/\$/g, 's').replace(/0/g, 'o').replace(/3/g, 'e').replace(/1/g, 'i');
  return [lower, unleet].map((p) => p.replace(/[^\p{L}]/gu, ''));
}

/** A password that is a common word dressed with digits or symbols ("password123", "KeToan@2026"). */
function isCommon(password: string): boolean {
  return letterCores(password).some((core) => core.length < 3 || COMMON_WORDS.has(core));
}

/**
 * The pieces of the user name and full name worth refusing: four letters or more ("nguyen", "quynh"). Shorter ones
 * ("thi", "van", "an") are syllables of countless ordinary words and would refuse good passphrases.
 */
function namePieces(names: readonly string[]): string[] {
  return names.flatMap((name) => plain(name).split(/[^\p{L}]+/u)).filter((piece) => piece.length >= 4);
}

/**
 * Repeated or sequential characters: fewer than five different ones ("aaaaaaaaa1", "abab1212ab"), or mostly steps to
 * the same or the next key ("abcdefgh12", "9876543210x").
 */
function isRepetitive(password: string): boolean {
  const chars = [...plain(password)];
  if (new Set(chars).size < 5) return true;
  let predictable = 0;
  for (let i = 1; i < chars.length; i++) {
    const step = chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!;
    if (Math.abs(step) <= 1) predictable++;
  }
  return predictable >= 0.7 * (chars.length - 1);
}

/**
 * The weaknesses of `password` for a user known by `names` (user name, full name). The API refuses a password with
 * any; docs/domain/sign-in.md, "Passwords".
 */
export function passwordWeaknesses(password: string, names: readonly string[]): PasswordWeakness[] {
  const weaknesses: PasswordWeakness[] = [];
  if (isCommon(password)) weaknesses.push('common');
  const lower = plain(password);
  if (namePieces(names).some((piece) => lower.includes(piece))) weaknesses.push('containsName');
  if (isRepetitive(password)) weaknesses.push('repetitive');
  return weaknesses;
}
