import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore, EmisNumberPipe, loadOnChange, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountsApi } from '../data-access/accounts.api';
import { attentionTiles, SCHOOLS_SHOWN } from './attention-tiles';

/**
 * The home page's accounts panel (issue: "the department's home shows accounts without MFA, locked accounts and
 * schools with no administrator"): counts that link to the filtered list, and the schools to give an administrator.
 */
@Component({
  selector: 'emis-accounts-attention-panel',
  imports: [RouterLink, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .tiles {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0.75rem;
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      height: 100%;
      padding: 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      color: var(--text);
      text-decoration: none;
      background: var(--surface);
    }
    .tile:hover {
      border-color: var(--primary);
      box-shadow: var(--shadow-sm);
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
    .schools li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      padding: 0.375rem 0;
    }
    .code {
      font-family: var(--font-mono);
      font-size: 0.8125rem;
    }
  `,
  template: `
    <section class="card" aria-labelledby="accounts-attention-heading" [attr.aria-busy]="attention.loading()">
      <div class="card-header">
        <h2 id="accounts-attention-heading" class="card-title">{{ 'accounts.home.title' | transloco }}</h2>
        <a routerLink="/accounts" class="btn btn-secondary btn-small" data-testid="accounts-attention-open">
          {{ 'accounts.home.open' | transloco }}
        </a>
      </div>
      <emis-problem-alert [problem]="attention.error()" />
      @if (attention.value(); as a) {
        <ul class="tiles">
          @for (tile of tiles(); track tile.key) {
            <li>
              <a
                class="tile"
                [class.attention]="tile.count > 0"
                [routerLink]="tile.path"
                [queryParams]="tile.query"
                [attr.data-testid]="'accounts-attention-' + tile.key"
              >
                <span class="count">{{ tile.count | emisNumber }}</span>
                <span class="name">{{ 'accounts.home.' + tile.key | transloco }}</span>
              </a>
            </li>
          }
        </ul>
        @if (spansSchools()) {
          <h3 class="card-title">
            {{ 'accounts.home.schoolsWithoutAdmin' | transloco: { count: a.schoolsWithoutAdmin.length } }}
          </h3>
          @if (a.schoolsWithoutAdmin.length === 0) {
            <p class="muted">{{ 'accounts.home.schoolsWithoutAdminNone' | transloco }}</p>
          } @else {
            <ul class="plain-list schools" data-testid="accounts-attention-schools">
              @for (school of a.schoolsWithoutAdmin.slice(0, shown); track school.id) {
                <li>
                  <span class="code">{{ school.code }}</span>
                  <span>{{ school.name }}</span>
                  @if (canManage()) {
                    <a
                      class="btn btn-link btn-small"
                      routerLink="/accounts/new"
                      [queryParams]="{ unitId: school.id, role: 'SCHOOL_ADMIN' }"
                      >{{ 'accounts.home.giveAdmin' | transloco }}</a
                    >
                  }
                </li>
              }
            </ul>
            @if (a.schoolsWithoutAdmin.length > shown) {
              <p class="muted">
                {{ 'accounts.home.more' | transloco: { count: a.schoolsWithoutAdmin.length - shown } }}
              </p>
            }
          }
        }
      }
    </section>
  `,
})
export class AccountsAttentionPanel {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);

  protected readonly shown = SCHOOLS_SHOWN;
  protected readonly canManage = computed(() => this.auth.can('accounts.manage'));
  protected readonly spansSchools = computed(() => this.auth.user()?.orgUnitKind !== 'SCHOOL');
  /** Reloads when the user looks at another unit through the switcher (the X-Org-Unit header narrows the counts). */
  protected readonly attention = loadOnChange(
    () => ({ unit: this.orgUnits.selectedUnitId() }),
    () => this.api.attention(),
  );
  protected readonly tiles = computed(() => {
    const attention = this.attention.value();
    return attention ? attentionTiles(attention) : [];
  });
}
