import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'emis.lang';

/** Vietnamese unless the user picked English on this browser; the choice is kept in localStorage. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(readStoredLanguage());

  readonly language = this.current.asReadonly();

  constructor() {
    this.apply(this.current());
  }

  use(language: Language): void {
    this.current.set(language);
    this.apply(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage may be disabled; the choice then lasts until reload.
    }
  }

  toggle(): void {
    this.use(this.current() === 'vi' ? 'en' : 'vi');
  }

  private apply(language: Language): void {
    this.transloco.setActiveLang(language);
    this.document.documentElement.lang = language;
  }
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}
