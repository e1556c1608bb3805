/**
 * Who exported a file of personal data, and when (Decree 356/2025/NĐ-CP: a controller must be able to say who took
 * whose data; docs/security/guard.md). Written into the workbook's header, footer and properties, and into a PDF's
 * footer and metadata, so a copy found anywhere names its source account.
 */
export interface ExportWatermark {
  fullName: string;
  username: string;
  at: Date;
}

const VN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** `HH:mm dd/MM/yyyy` in Vietnam's time, how a watermark or a refusal names a moment. */
export function vietnamTime(at: Date): string {
  const part = Object.fromEntries(VN_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part['hour']}:${part['minute']} ${part['day']}/${part['month']}/${part['year']}`;
}

/** The one line a file carries, Vietnamese first. */
export function watermarkText(w: ExportWatermark): string {
  const who = `${w.fullName} (${w.username})`;
  const when = vietnamTime(w.at);
  return `Xuất bởi ${who} lúc ${when} – dữ liệu cá nhân, không chia sẻ · Exported by ${who} at ${when} – personal data, do not share`;
}
