import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AssetTotals } from '@emis/contracts';
import { formatEmisNumber } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/** A row of an asset totals table: what it counts (a class, a source, a unit or school) and its figures. */
export interface AssetTableRow extends AssetTotals {
  key: string;
  label: string;
  /** A second column: the kind (fixed asset or tool) of a class or source. */
  detail?: string;
  /** A unit's or school's own assets page (the drill-down). */
  link?: string[];
  schools?: number;
}

/**
 * Public asset totals by class, source, unit or school: records, quantity, and the money in whole đồng (original
 * cost, accumulated wear, remaining value), in the vi-VN format. A row with a link drills down, keeping the filter.
 */
@Component({
  selector: 'emis-asset-totals-table',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="muted" data-testid="rows-empty">{{ 'reporting.assets.empty' | transloco }}</p>
    } @else {
      <div class="table-wrap">
        <table class="table nowrap-table" [attr.data-testid]="testId()">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ nameLabel() }}</th>
              @if (detailLabel(); as label) {
                <th scope="col">{{ label }}</th>
              }
              @if (showSchools()) {
                <th scope="col" class="num">{{ 'reporting.measures.schools' | transloco }}</th>
              }
              <th scope="col" class="num">{{ 'reporting.assets.records' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.assets.quantity' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.assets.cost' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.assets.accumulatedWear' | transloco }}</th>
              <th scope="col" class="num">{{ 'reporting.assets.remainingValue' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.key) {
              <tr data-testid="asset-row" [attr.data-key]="row.key">
                <th scope="row">
                  @if (row.link) {
                    <a [routerLink]="row.link" [queryParams]="linkQuery()" data-testid="asset-row-link">{{
                      row.label
                    }}</a>
                  } @else {
                    {{ row.label }}
                  }
                </th>
                @if (detailLabel()) {
                  <td>{{ row.detail }}</td>
                }
                @if (showSchools()) {
                  <td class="num">{{ format(row.schools) }}</td>
                }
                <td class="num">{{ format(row.assets) }}</td>
                <td class="num">{{ format(row.quantity) }}</td>
                <td class="num" data-testid="asset-cost">{{ format(row.cost) }}</td>
                <td class="num">{{ format(row.accumulatedWear) }}</td>
                <td class="num">{{ format(row.remainingValue) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './report-page.css',
})
export class AssetTotalsTableComponent {
  readonly rows = input.required<readonly AssetTableRow[]>();
  readonly nameLabel = input.required<string>();
  readonly detailLabel = input<string | null>(null);
  readonly showSchools = input(false);
  readonly caption = input('');
  readonly linkQuery = input<Record<string, string>>({});
  readonly testId = input('asset-totals');

  protected format(value: number | undefined): string {
    return formatEmisNumber(value);
  }
}
