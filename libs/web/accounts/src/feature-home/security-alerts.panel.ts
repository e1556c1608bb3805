import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmisNumberPipe, loadOnChange, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SecurityEventsApi } from '../data-access/security-events.api';

/**
 * The home page's security panel for the department administrator (docs/security/coverage.md): how many alerts nobody
 * has acknowledged yet — bursts of refused requests, budgets exceeded, anchors broken — linking to the events page.
 */
@Component({
  selector: 'emis-security-alerts-panel',
  imports: [RouterLink, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .tile {
      display: inline-flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 11rem;
      padding: 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      color: var(--text);
      text-decoration: none;
      background: var(--surface);
    }
    .tile.attention {
      border-color: var(--warning-border);
      background: var(--warning-soft);
    }
    .count {
      font-size: 1.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .name {
      color: var(--text-muted);
      font-size: 0.875rem;
    }
  `,
  template: `
    <section class="card" aria-labelledby="security-alerts-heading" [attr.aria-busy]="alerts.loading()">
      <div class="card-header">
        <h2 id="security-alerts-heading" class="card-title">{{ 'accounts.security.home.title' | transloco }}</h2>
      </div>
      <emis-problem-alert [problem]="alerts.error()" />
      @if (alerts.value(); as a) {
        <a
          class="tile"
          [class.attention]="a.openAlerts > 0"
          routerLink="/security"
          data-testid="security-open-alerts"
          [attr.data-count]="a.openAlerts"
        >
          <span class="count">{{ a.openAlerts | emisNumber }}</span>
          <span class="name">{{ 'accounts.security.home.openAlerts' | transloco }}</span>
        </a>
      }
    </section>
  `,
})
export class SecurityAlertsPanel {
  private readonly api = inject(SecurityEventsApi);
  protected readonly alerts = loadOnChange(
    () => ({}),
    () => this.api.openAlerts(),
  );
}
