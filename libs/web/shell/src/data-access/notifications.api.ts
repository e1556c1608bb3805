import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { AppNotification, NotificationPage, UnreadCount } from '@emis/contracts';
import { Observable, tap } from 'rxjs';

/** The caller's in-app notifications (GET /api/notifications…); keeps the bell's unread count. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  /** The last unread count the API answered, shared by the bell and the page. */
  readonly unread = signal(0);

  list(page: number, pageSize = 20): Observable<NotificationPage> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http
      .get<NotificationPage>('/api/notifications', { params })
      .pipe(tap((p) => this.unread.set(p.unread)));
  }

  refreshUnread(): Observable<UnreadCount> {
    return this.http.get<UnreadCount>('/api/notifications/unread').pipe(tap((c) => this.unread.set(c.unread)));
  }

  markRead(id: string): Observable<AppNotification> {
    return this.http.post<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
  }
}
