const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today as yyyy-MM-dd in Vietnam, whatever the browser's zone: the date a school's records are dated with. */
export function todayInVietnam(): string {
  return dayFormatter.format(new Date());
}
