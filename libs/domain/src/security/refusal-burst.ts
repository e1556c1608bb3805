/**
 * When one user's refused requests become an alert (docs/security/coverage.md). A person who follows a stale link or
 * a bookmark of a school they left collects a handful of refusals (a page asks for five or six things at once); a
 * script walking other schools' ids collects them by the dozen each second (the observed extraction loop made 71
 * requests in 4.5 s). Twenty in five minutes lies well above the first and is reached by the second within seconds.
 */
export const REFUSAL_BURST = {
  /** Refusals (out-of-scope 404s and permission 403s) that make a burst. */
  threshold: 20,
  /** The sliding window they are counted in; one alert per user per window. */
  windowSeconds: 300,
} as const;
