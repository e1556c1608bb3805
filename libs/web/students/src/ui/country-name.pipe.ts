import { Pipe, PipeTransform } from '@angular/core';

/** Nationalities most often met in the province's schools; any other ISO code still displays by name. */
export const COMMON_NATIONALITIES = [
  'VN',
  'LA',
  'KH',
  'CN',
  'KR',
  'JP',
  'TH',
  'US',
  'FR',
  'AU',
  'RU',
  'DE',
  'GB',
] as const;

const formatters = new Map<string, Intl.DisplayNames>();

/** An ISO 3166-1 alpha-2 code ('VN', as the API stores nationality) as the country's name in the interface language. */
@Pipe({ name: 'countryName' })
export class CountryNamePipe implements PipeTransform {
  transform(code: string | null | undefined, language: string): string {
    if (!code) return '—';
    let names = formatters.get(language);
    if (!names) {
      names = new Intl.DisplayNames([language], { type: 'region' });
      formatters.set(language, names);
    }
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  }
}
