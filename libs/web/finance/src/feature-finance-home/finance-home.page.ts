import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { AuthStore } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { FinanceTile, visibleTiles } from '../finance-tiles';

/**
 * The finance landing page: a tile for every finance page the user may open, in two groups (collection; budget,
 * spending and books). The route hands over the tiles of the pages that exist (finance-tiles.ts).
 */
@Component({
  selector: 'emis-finance-home-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .tiles {
      list-style: none;
      margin: 0 0 1.5rem;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
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
      background: var(--surface);
      color: var(--text);
      text-decoration: none;
    }
    .tile:hover,
    .tile:focus-visible {
      border-color: var(--primary);
      box-shadow: var(--shadow);
    }
    .tile-title {
      font-weight: 600;
      color: var(--primary-strong);
    }
    .tile-description {
      font-size: 0.875rem;
      color: var(--text-muted);
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.75rem;
    }
  `,
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-title">{{ 'finance.title' | transloco }}</h1>
        <p class="page-subtitle">{{ 'finance.collection.home.subtitle' | transloco }}</p>
      </div>
    </header>
    @for (group of groups(); track group.key) {
      @if (group.tiles.length > 0) {
        <section [attr.aria-labelledby]="'finance-group-' + group.key">
          <h2 [id]="'finance-group-' + group.key">{{ group.titleKey | transloco }}</h2>
          <ul class="tiles">
            @for (tile of group.tiles; track tile.path) {
              <li>
                <a class="tile" [routerLink]="['/finance', tile.path]" [attr.data-testid]="'finance-tile-' + tile.name">
                  <span class="tile-title">{{ tile.titleKey | transloco }}</span>
                  <span class="tile-description">{{ tile.descriptionKey | transloco }}</span>
                </a>
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
})
export class FinanceHomePage {
  private readonly auth = inject(AuthStore);
  private readonly tiles = (inject(ActivatedRoute).snapshot.data['tiles'] ?? []) as FinanceTile[];

  protected readonly groups = computed(() => {
    this.auth.user();
    const visible = visibleTiles(this.tiles, (permission) => this.auth.can(permission));
    return [
      { key: 'collection', titleKey: 'finance.collection.home.collection', tiles: visible.collection },
      { key: 'money', titleKey: 'finance.collection.home.money', tiles: visible.money },
    ];
  });
}
