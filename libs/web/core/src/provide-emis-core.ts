import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { AuthStore } from './auth/auth.store';
import { apiInterceptor } from './http/api.interceptor';
import { LanguageService } from './i18n/language.service';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';

/**
 * HTTP with the API interceptor, translated titles, and the start-up work that must finish before the
 * first route is chosen: the interface language, and the session restored from the refresh cookie.
 * Transloco itself is provided by the app, which owns the translation files.
 */
export function provideEmisCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch(), withInterceptors([apiInterceptor])),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      inject(LanguageService);
      return inject(AuthStore).restore();
    }),
  ]);
}
