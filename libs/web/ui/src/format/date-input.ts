import { isRealDate } from '@emis/domain';

/**
 * Dates typed and shown dd/mm/yyyy whatever the browser's locale (docs/conventions.md, "Dates"); the value on the
 * wire stays ISO yyyy-MM-dd. A native date input would follow the browser (12/05/2026 for 5 December in en-US).
 */
export type TypedDate = { ok: true; iso: string | null } | { ok: false };

/** yyyy-MM-dd → dd/mm/yyyy; anything else → ''. */
export function isoToDisplay(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * What the user typed: empty → null; d/m/yyyy with "/", "." or "-" between, or eight digits ddmmyyyy → the ISO date
 * when it exists (31/04/2026 does not); anything else is unreadable.
 */
export function displayToIso(text: string): TypedDate {
  const value = text.trim();
  if (!value) return { ok: true, iso: null };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (!m) return { ok: false };
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isRealDate(iso) ? { ok: true, iso } : { ok: false };
}

/**
 * The mask while typing: digits only, slashes added after the day and the month ("0512" → "05/12", "05122026" →
 * "05/12/2026"), key by key as well as pasted (the slash the mask added is kept as more digits come: "05/122" →
 * "05/12/2"); text the user separated otherwise ("5/12/2026", "05.12.2026") is left alone.
 */
export function maskDateTyping(text: string): string {
  if (!/^(\d*|\d{2}\/\d*|\d{2}\/\d{2}\/\d*)$/.test(text)) return text;
  const digits = text.replace(/\D/g, '').slice(0, 8);
  const masked =
    digits.length <= 2
      ? digits
      : digits.length <= 4
        ? `${digits.slice(0, 2)}/${digits.slice(2)}`
        : `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
  // A slash the user typed after the day or the month stays, as the mask would add it with the next digit.
  return text.endsWith('/') && (digits.length === 2 || digits.length === 4) ? `${masked}/` : masked;
}
