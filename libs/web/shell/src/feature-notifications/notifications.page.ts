import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AppNotification } from '@emis/contracts';
import { EmisDatePipe, loadOnChange, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NotificationsApi } from '../data-access/notifications.api';

/**
 * /notifications — the caller's notifications, unread first. Opening one marks it read and goes to what it is
 * about: the sheet of a decided correction, the gradebook's corrections inbox for a request waiting.
 */
@Component({
  selector: 'emis-notifications-page',
  imports: [TranslocoPipe, EmisDatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
      width: 100%;
      padding: 0.75rem 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .item.unread {
      border-color: var(--primary);
      background: var(--primary-soft);
      font-weight: 600;
    }
    .when {
      color: var(--text-muted);
      font-size: 0.8125rem;
      font-weight: 400;
    }
    .note {
      flex-basis: 100%;
      font-weight: 400;
      color: var(--text-muted);
    }
  `,
  template: `
    <header class="page-header">
      <h1 class="page-title" data-testid="notifications-title">{{ 'notifications.title' | transloco }}</h1>
    </header>
    <section class="card" [attr.aria-busy]="page.loading()">
      <emis-problem-alert [problem]="page.error()" />
      @if (page.value(); as p) {
        @if (p.items.length === 0) {
          <p class="muted" data-testid="notifications-empty">{{ 'notifications.none' | transloco }}</p>
        } @else {
          <ul class="items" data-testid="notifications-list">
            @for (n of p.items; track n.id) {
              <li>
                <button
                  type="button"
                  class="item"
                  [class.unread]="!n.readAt"
                  [attr.data-kind]="n.kind"
                  data-testid="notification"
                  (click)="open(n)"
                >
                  <span>{{ 'notifications.kinds.' + n.kind | transloco: n.details }}</span>
                  <span class="when">{{ n.createdAt | emisDate: 'datetime' }}</span>
                  @if (n.details.note) {
                    <span class="note">{{ 'notifications.note' | transloco: { note: n.details.note } }}</span>
                  }
                </button>
              </li>
            }
          </ul>
          <nav class="pager">
            <button
              type="button"
              class="btn btn-secondary btn-small"
              [disabled]="pageNo() === 1"
              (click)="pageNo.set(pageNo() - 1)"
            >
              {{ 'paging.previous' | transloco }}
            </button>
            <button
              type="button"
              class="btn btn-secondary btn-small"
              [disabled]="pageNo() * p.pageSize >= p.total"
              (click)="pageNo.set(pageNo() + 1)"
            >
              {{ 'paging.next' | transloco }}
            </button>
          </nav>
        }
      }
    </section>
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  protected readonly pageNo = signal(1);
  protected readonly page = loadOnChange(
    () => ({ page: this.pageNo() }),
    ({ page }) => this.api.list(page),
  );

  protected open(n: AppNotification): void {
    const go = () => {
      const d = n.details;
      if (n.kind !== 'CORRECTION_REQUESTED' && d.classId && d.semester && d.subjectCode)
        void this.router.navigate(['/grades', d.classId, d.semester, d.subjectCode]);
      else void this.router.navigate(['/grades'], { queryParams: { classId: d.classId, semester: d.semester } });
    };
    if (n.readAt) return go();
    this.api.markRead(n.id).subscribe({ next: go, error: go });
  }
}
