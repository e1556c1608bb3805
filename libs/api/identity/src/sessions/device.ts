/**
 * A user agent as a person recognises their own device in the sessions list: "Chrome 131 · Windows". Only the
 * browsers and systems common in Vietnamese schools are named (Cốc Cốc among them); anything else answers '' and the
 * list shows the raw user agent.
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '';
  return [browserOf(userAgent), systemOf(userAgent)].filter(Boolean).join(' · ');
}

/** Order matters: Edge, Opera and Cốc Cốc also say "Chrome", and Chrome also says "Safari". */
const BROWSERS: [name: string, pattern: RegExp][] = [
  ['Cốc Cốc', /coc_coc_browser\/(\d+)/],
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /(?:OPR|Opera)\/(\d+)/],
  ['Zalo', /Zalo(?:Theme)?\/?(\d+)?/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: [name: string, pattern: RegExp][] = [
  ['iPhone', /iPhone/],
  ['iPad', /iPad/],
  ['Android', /Android/],
  ['Windows', /Windows/],
  ['ChromeOS', /CrOS/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Linux', /Linux/],
];

function browserOf(userAgent: string): string {
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return match[1] ? `${name} ${match[1]}` : name;
  }
  return '';
}

function systemOf(userAgent: string): string {
  return SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? '';
}
