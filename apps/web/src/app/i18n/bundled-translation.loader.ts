import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { vi } from './vi';

/**
 * Vietnamese ships in the main bundle, so the first screen never waits for a translation request;
 * English is a lazy chunk fetched only when someone switches. Both are TypeScript so the compiler
 * checks that every Vietnamese key has its English twin (see Translations in en.ts).
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    return lang === 'en' ? import('./en').then((m) => m.en) : Promise.resolve(vi);
  }
}
