import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReportMeasures } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReportFigureComponent } from './report-figure.component';

type TileKey =
  | 'schools'
  | 'classes'
  | 'pupils'
  | 'staff'
  | 'classSizeBreaches'
  | 'attendanceRate'
  | 'droppedOut';

const TILES: readonly TileKey[] = ['schools', 'classes', 'pupils', 'staff', 'classSizeBreaches', 'attendanceRate', 'droppedOut'];

/** The report's key figures as tiles; with the province's beside each (a school against the province). */
@Component({
  selector: 'emis-kpi-tiles',
  imports: [TranslocoPipe, ReportFigureComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="kpi-grid" data-testid="kpi-tiles">
      @for (tile of tiles(); track tile.key) {
        <li class="kpi" [attr.data-testid]="'kpi-' + tile.key">
          <span class="kpi-value">
            <emis-report-figure [value]="tile.value" [suppressed]="measures().suppressed" [percent]="tile.percent" />
          </span>
          <span class="kpi-label">{{ 'reporting.measures.' + tile.key | transloco }}</span>
          @if (province(); as p) {
            <span class="kpi-province">
              {{ 'reporting.unit.province' | transloco }}:
              <emis-report-figure [value]="tile.provinceValue" [suppressed]="p.suppressed" [percent]="tile.percent" />
            </span>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .kpi-grid {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      gap: 0.75rem;
    }
    .kpi {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: 0.875rem 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
    }
    .kpi-value {
      font-size: 1.5rem;
      font-weight: 700;
      color: var(--primary-strong);
      font-variant-numeric: tabular-nums;
    }
    .kpi-label {
      color: var(--text-muted);
      font-size: 0.875rem;
    }
    .kpi-province {
      font-size: 0.8125rem;
      color: var(--text-muted);
    }
  `,
})
export class KpiTilesComponent {
  readonly measures = input.required<ReportMeasures>();
  readonly province = input<ReportMeasures | null>(null);
  /** A school's own report has no "schools" tile. */
  readonly hide = input<readonly string[]>([]);

  protected readonly tiles = computed(() => {
    const m = this.measures();
    const p = this.province();
    return TILES.filter((key) => !this.hide().includes(key)).map((key) => ({
      key,
      value: m[key],
      provinceValue: p ? p[key] : null,
      percent: key === 'attendanceRate',
    }));
  });
}
