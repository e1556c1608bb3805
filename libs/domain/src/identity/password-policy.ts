/**
 * Password rules, shared by the API (which enforces them) and the web (which explains them as the user types):
 * at least 10 characters with a letter and a digit, and not the user name. Length matters more than symbols
 * (NIST SP 800-63B), so no other composition rule is imposed.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'needsLetter' | 'needsDigit' | 'containsUsername';

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  if (!/\p{L}/u.test(password)) problems.push('needsLetter');
  if (!/\d/.test(password)) problems.push('needsDigit');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('containsUsername');
  return problems;
}
