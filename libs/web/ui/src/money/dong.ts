import { formatEmisNumber } from '../format/number-format';

/**
 * Money is whole đồng everywhere it is shown (the asset register rounds wear to the đồng, Circular 23/2023/TT-BTC
 * Art. 5.1; school finance keeps integer đồng from column to JSON): shown with vi-VN grouping (25.000.000 ₫) and
 * typed the way officials write it, dots or spaces between thousands and an optional "đ" or "₫".
 */
export function formatDong(value: number | null | undefined): string {
  const digits = formatEmisNumber(value);
  return digits === '' ? '' : `${digits} ₫`;
}

/** What an official typed in a money field: empty, a whole amount in đồng, or not an amount at all. */
export type ParsedDong = { ok: true; value: number | null } | { ok: false };

const GROUPED = /^\d{1,3}([.\s]\d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Reads "25.000.000", "25 000 000 đ" or "25000000" as 25000000. A comma is a decimal mark in vi-VN and a đồng has no
 * fraction, so "1,5" is refused rather than guessed; so is a grouping that is not by thousands ("2.50.000") and an
 * amount beyond the integers JSON carries exactly.
 */
export function parseDong(text: string): ParsedDong {
  const trimmed = text.replace(/\s*(₫|đ|đồng|VND)\s*$/i, '').trim();
  if (trimmed === '') return { ok: true, value: null };
  const normalized = trimmed.replace(/\u00a0/g, ' ');
  if (!PLAIN.test(normalized) && !GROUPED.test(normalized)) return { ok: false };
  const value = Number(normalized.replace(/[.\s]/g, ''));
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}

/** The amount grouped for typing (25.000.000), without the currency mark the field's label already carries. */
export function groupDong(value: number | null): string {
  return value === null ? '' : formatEmisNumber(value);
}
