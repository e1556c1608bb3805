/**
 * Dates are shown as dd/MM/yyyy (HH:mm) in Vietnam's time zone whatever the browser's zone,
 * so a timestamp reads the same for every official in the province and matches printed records.
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export type DateStyle = 'date' | 'datetime' | 'time';

export function formatEmisDate(value: string | number | Date | null | undefined, style: DateStyle = 'date'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const part: Record<string, string> = {};
  for (const { type, value: text } of partsFormatter.formatToParts(date)) part[type] = text;
  const day = `${part['day']}/${part['month']}/${part['year']}`;
  const time = `${part['hour']}:${part['minute']}`;
  if (style === 'time') return time;
  return style === 'date' ? day : `${day} ${time}`;
}
