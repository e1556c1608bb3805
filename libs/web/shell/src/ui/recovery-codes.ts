/**
 * The recovery codes as a plain text the user keeps (downloaded, printed or copied): who they belong to, when they
 * were issued, and that each one opens one sign-in (docs/domain/sign-in.md, "Recovery codes").
 */
export interface RecoveryCodeSheet {
  /** Translated lines above the codes: the title, the account, the date, how to use them. */
  heading: string[];
  codes: string[];
}

export function recoveryCodesText(sheet: RecoveryCodeSheet): string {
  const numbered = sheet.codes.map((code, i) => `${String(i + 1).padStart(2, ' ')}. ${code}`);
  return [...sheet.heading, '', ...numbered, ''].join('\n');
}

/** The file name of the download: the account and the day, so a second set does not overwrite the first unseen. */
export function recoveryCodesFileName(username: string, issuedOn: Date): string {
  // The user's own calendar day (a code set issued at 23:30 in Hà Nội belongs to that day, not the next UTC one).
  const day = [issuedOn.getFullYear(), issuedOn.getMonth() + 1, issuedOn.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  const safe = username.replace(/[^A-Za-z0-9._-]/g, '_');
  return `emis-recovery-codes-${safe}-${day}.txt`;
}
