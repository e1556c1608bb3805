import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, EMPTY, filter, interval, merge, startWith, switchMap } from 'rxjs';
import { NotificationsApi } from '../data-access/notifications.api';

/** A minute between polls: corrections are decided in hours, not seconds, and the count also refreshes on navigation. */
const POLL_MS = 60_000;

/** The header's bell: the unread count, refreshed on every navigation and every minute; links to /notifications. */
@Component({
  selector: 'emis-notification-bell',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .bell {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 2.25rem;
      min-height: 2.25rem;
      border-radius: 999px;
      border: 1px solid var(--border-strong);
      background: var(--surface);
      color: var(--text);
    }
    .bell:hover {
      border-color: var(--primary);
    }
    .count {
      position: absolute;
      top: -0.35rem;
      right: -0.35rem;
      min-width: 1.2rem;
      padding: 0 0.3rem;
      border-radius: 999px;
      background: var(--danger);
      color: #fff;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.2rem;
      text-align: center;
    }
  `,
  template: `
    <a
      routerLink="/notifications"
      class="bell"
      data-testid="notification-bell"
      [attr.data-unread]="api.unread()"
      [attr.aria-label]="'notifications.bell' | transloco: { count: api.unread() }"
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2M10 20a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linejoin="round"
        />
      </svg>
      @if (api.unread() > 0) {
        <span class="count" data-testid="notification-count">{{ api.unread() > 99 ? '99+' : api.unread() }}</span>
      }
    </a>
  `,
})
export class NotificationBellComponent {
  protected readonly api = inject(NotificationsApi);

  constructor() {
    const router = inject(Router);
    merge(router.events.pipe(filter((e) => e instanceof NavigationEnd)), interval(POLL_MS))
      .pipe(
        startWith(null),
        switchMap(() => this.api.refreshUnread().pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe();
  }
}
