import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { ProblemDetails, SessionItem } from '@emis/contracts';
import { EmisDatePipe, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { MySessionsApi } from '../data-access/my-sessions.api';
import { deviceLabel, hasOtherSessions, orderSessions, withoutSession } from './session-list';

/** A translated confirmation of what was just done. */
interface Done {
  key: string;
  params: Record<string, unknown>;
}

/** What the confirmation is about: one other session, or all of them. */
type Ending = { kind: 'one'; session: SessionItem } | { kind: 'others' };

/**
 * The user's open sessions (device, address, last use; this one marked): end one, or all the others. An ended
 * session's device is signed out at its next call (docs/domain/sign-in.md, "Sessions").
 */
@Component({
  selector: 'emis-my-sessions',
  imports: [TranslocoPipe, EmisDatePipe, ProblemAlertComponent, ConfirmDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    .device {
      font-weight: 500;
    }
    .device + .badge {
      margin-left: 0.5rem;
    }
    .address {
      font-family: var(--font-mono);
      font-size: 0.875rem;
    }
  `,
  template: `
    <div role="status" aria-live="polite">
      @if (done(); as d) {
        <div class="alert alert-success" data-testid="sessions-done">{{ d.key | transloco: d.params }}</div>
      }
    </div>
    <emis-problem-alert [problem]="problem()" testId="sessions-error" />
    <div class="toolbar">
      @if (canEndOthers()) {
        <button
          type="button"
          class="btn btn-secondary"
          [disabled]="busy()"
          (click)="ending.set({ kind: 'others' })"
          data-testid="sessions-end-others"
        >
          {{ 'account.sessions.endOthers' | transloco }}
        </button>
      }
      <button type="button" class="btn btn-ghost" [disabled]="busy()" (click)="load()" data-testid="sessions-reload">
        {{ 'account.sessions.refresh' | transloco }}
      </button>
    </div>
    @if (sessions(); as list) {
      <div class="table-wrap">
        <table class="table" data-testid="sessions-table">
          <caption class="visually-hidden">
            {{
              'account.sessions.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'account.sessions.device' | transloco }}</th>
              <th scope="col">{{ 'account.sessions.address' | transloco }}</th>
              <th scope="col">{{ 'account.sessions.started' | transloco }}</th>
              <th scope="col">{{ 'account.sessions.lastUsed' | transloco }}</th>
              <th scope="col">{{ 'account.sessions.expires' | transloco }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'account.sessions.actions' | transloco }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (session of list; track session.id) {
              @let device = deviceOf(session) ?? ('account.sessions.unknown' | transloco);
              <tr data-testid="session-row" [attr.data-current]="session.current" [attr.data-session-id]="session.id">
                <th scope="row">
                  <span class="device">{{ device }}</span>
                  @if (session.current) {
                    <span class="badge badge-success" data-testid="session-current">
                      {{ 'account.sessions.current' | transloco }}
                    </span>
                  }
                </th>
                <td class="address">{{ session.address ?? ('account.sessions.unknown' | transloco) }}</td>
                <td>{{ session.createdAt | emisDate: 'datetime' }}</td>
                <td>{{ session.lastUsedAt | emisDate: 'datetime' }}</td>
                <td>{{ session.expiresAt | emisDate: 'datetime' }}</td>
                <td>
                  @if (!session.current) {
                    <button
                      type="button"
                      class="btn btn-secondary btn-small"
                      [disabled]="busy()"
                      [attr.aria-label]="'account.sessions.endLabel' | transloco: { device }"
                      (click)="ending.set({ kind: 'one', session })"
                      data-testid="session-end"
                    >
                      {{ 'account.sessions.end' | transloco }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (!canEndOthers()) {
        <p class="muted" data-testid="sessions-only-this">{{ 'account.sessions.onlyThis' | transloco }}</p>
      }
    } @else if (busy()) {
      <p class="muted" role="status">{{ 'common.loading' | transloco }}</p>
    }

    @if (ending(); as e) {
      @let endingDevice = e.kind === 'one' ? (deviceOf(e.session) ?? ('account.sessions.unknown' | transloco)) : '';
      <emis-confirm-dialog
        [open]="true"
        [title]="
          e.kind === 'one'
            ? ('account.sessions.endLabel' | transloco: { device: endingDevice })
            : ('account.sessions.endOthers' | transloco)
        "
        [confirmLabel]="(e.kind === 'one' ? 'account.sessions.end' : 'account.sessions.endOthers') | transloco"
        [busy]="busy()"
        [danger]="true"
        testId="sessions-confirm"
        (confirmed)="confirmEnding(e)"
        (cancelled)="ending.set(null)"
      >
        <p>
          @if (e.kind === 'one') {
            {{ 'account.sessions.confirmEnd' | transloco: { device: endingDevice } }}
          } @else {
            {{ 'account.sessions.confirmEndOthers' | transloco }}
          }
        </p>
      </emis-confirm-dialog>
    }
  `,
})
export class MySessionsComponent implements OnInit {
  private readonly api = inject(MySessionsApi);

  protected readonly sessions = signal<SessionItem[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly ending = signal<Ending | null>(null);
  /** What was just done, announced once. */
  protected readonly done = signal<Done | null>(null);
  protected readonly canEndOthers = computed(() => hasOtherSessions(this.sessions() ?? []));

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.done.set(null);
    this.call(this.api.list(), (sessions) => this.sessions.set(orderSessions(sessions)));
  }

  protected confirmEnding(ending: Ending): void {
    if (ending.kind === 'one') {
      this.call(this.api.end(ending.session.id), () => {
        this.sessions.update((list) => withoutSession(list ?? [], ending.session.id));
        this.finish({ key: 'account.sessions.ended', params: {} });
      });
    } else {
      this.call(this.api.endOthers(), ({ ended }) => {
        this.sessions.update((list) => (list ?? []).filter((session) => session.current));
        this.finish({ key: 'account.sessions.endedOthers', params: { count: ended } });
      });
    }
  }

  protected readonly deviceOf = deviceLabel;

  private finish(done: Done): void {
    this.ending.set(null);
    this.done.set(done);
  }

  private call<T>(request: Observable<T>, next: (value: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next,
      error: (error: unknown) => {
        this.ending.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }
}
