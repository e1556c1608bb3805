import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { UNSAVED_DIALOG_GUARD } from '@emis/web/ui';
import { AuthStore } from './auth/auth.store';
import { apiInterceptor } from './http/api.interceptor';
import { LanguageService } from './i18n/language.service';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';
import { LeaveGuard } from './leave/leave-guard';

/**
 * HTTP with the API interceptor, translated titles, and the start-up work that must finish before the
 * first route is chosen: the interface language, and the session restored from the refresh cookie. The leave guard
 * answers for dialogs with unsaved content (UNSAVED_DIALOG_GUARD).
 * Transloco itself is provided by the app, which owns the translation files.
 */
export function provideEmisCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch(), withInterceptors([apiInterceptor])),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    // Dialogs typed into guard the page under them and ask before closing, with the leave guard's question.
    { provide: UNSAVED_DIALOG_GUARD, useExisting: LeaveGuard },
    provideAppInitializer(() => {
      inject(LanguageService);
      return inject(AuthStore).restore();
    }),
  ]);
}
