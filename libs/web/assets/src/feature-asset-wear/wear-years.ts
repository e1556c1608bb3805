/** How many years back the wear page offers: a register brought from paper books may catch up on several. */
const YEARS_BACK = 10;

/**
 * The years a wear table can be asked for, newest first: the current year and the ten before it. The current year's
 * wear is posted in December (Circular 23/2023/TT-BTC Art. 12.1.a); earlier in the year its table is a preview.
 */
export function wearYears(today: Date): number[] {
  const current = today.getFullYear();
  return Array.from({ length: YEARS_BACK + 1 }, (_, i) => current - i);
}
