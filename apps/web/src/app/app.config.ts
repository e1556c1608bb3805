import {
  ApplicationConfig,
  isDevMode,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling, withRouterConfig } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { provideEmisCore } from '@emis/web/core';
import { HOME_PANELS, HomePanel } from '@emis/web/shell';
import { appRoutes } from './app.routes';
import { BundledTranslationLoader } from './i18n/bundled-translation.loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      // Back answered "stay" (the leave guard) puts the browser's history back where it was, so a second Back still
      // reaches the previous page rather than the one before it.
      withRouterConfig({ canceledNavigationResolution: 'computed' }),
    ),
    provideTransloco({
      config: {
        availableLangs: ['vi', 'en'],
        defaultLang: 'vi',
        fallbackLang: 'vi',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: BundledTranslationLoader,
    }),
    provideEmisCore(),
    // The home page shows the department's (or a unit's) province at a glance, and a school its figures against the
    // province (issue 10); loaded from the reports' lazy chunk. Administrators also see the accounts that need them
    // (issue 13: without MFA, locked, schools with no administrator, reset requests), from the accounts' chunk.
    {
      provide: HOME_PANELS,
      useValue: [
        {
          permission: 'reports.read',
          load: () => import('@emis/web/reporting').then((m) => m.ReportsHomePage),
          inputs: { embedded: true },
        },
        {
          permission: 'accounts.read',
          load: () => import('@emis/web/accounts').then((m) => m.AccountsAttentionPanel),
        },
        // Issue 14: the department administrator sees the security alerts nobody has acknowledged yet.
        {
          permission: 'security.events.read',
          load: () => import('@emis/web/accounts').then((m) => m.SecurityAlertsPanel),
        },
        // Issue 16: a school's gradebook today — a teacher's sheets with what is left, the principal's progress.
        {
          permission: 'grades.read',
          load: () => import('@emis/web/grading').then((m) => m.SchoolHomePanel),
          order: -1,
        },
      ] satisfies HomePanel[],
    },
  ],
};
