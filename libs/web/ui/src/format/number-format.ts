/** Numbers always use Vietnamese grouping and decimals (1.250.000; 7,5), in either interface language. */
const numberFormatter = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatEmisNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : numberFormatter.format(value);
}
