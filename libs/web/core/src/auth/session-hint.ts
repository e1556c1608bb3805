/** The server's readable hint that a refresh cookie was set and not cleared since (docs/domain/sign-in.md). */
export function hasSessionHint(cookies: string): boolean {
  return cookies.split(';').some((c) => c.trim() === 'emis_session=1');
}
