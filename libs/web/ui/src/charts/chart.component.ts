import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECharts } from 'echarts/core';
import { buildChartOption, ChartData, ChartKind, ChartReferenceLine, chartTable } from './chart-option';

let nextId = 0;
const COMPACT_WIDTH = 480;

/**
 * One chart with its table equivalent: a toggle switches between the drawing and a table of the same figures (screen
 * readers and printouts get the table; the canvas carries an aria-label). The chart follows its container's size
 * (a phone's 375 px as well as 1366 px) and is disposed with the component.
 */
@Component({
  selector: 'emis-chart',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart" [attr.data-testid]="testId()" [attr.data-view]="showTable() ? 'table' : 'chart'">
      <figcaption class="chart-head">
        <span class="chart-title" [id]="titleId">{{ label() }}</span>
        <button
          type="button"
          class="btn btn-ghost btn-small chart-toggle"
          [attr.aria-pressed]="showTable()"
          (click)="showTable.set(!showTable())"
          data-testid="chart-toggle"
        >
          {{ (showTable() ? 'ui.chartShowChart' : 'ui.chartShowTable') | transloco }}
        </button>
      </figcaption>
      <div
        #canvas
        class="chart-canvas"
        role="img"
        [attr.aria-label]="label()"
        [class.chart-hidden]="showTable()"
        [style.height.px]="height()"
        data-testid="chart-canvas"
      ></div>
      <div class="table-wrap chart-table" [class.chart-hidden]="!showTable()">
        <table class="table" [attr.aria-labelledby]="titleId" data-testid="chart-table">
          <thead>
            <tr>
              <th scope="col">{{ categoryLabel() }}</th>
              @for (column of table().columns; track $index) {
                <th scope="col" class="num">{{ column }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of table().rows; track $index) {
              <tr>
                <th scope="row">{{ row.category }}</th>
                @for (cell of row.cells; track $index) {
                  <td class="num">{{ cell }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    /* Positioned, so visually hidden texts in cells scrolled out of view stay inside it, not widening the page. */
    .table-wrap {
      position: relative;
    }
    :host {
      display: block;
      min-width: 0;
    }
    .chart {
      margin: 0;
    }
    .chart-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .chart-title {
      font-weight: 600;
    }
    .chart-canvas {
      width: 100%;
      min-width: 0;
    }
    .chart-hidden {
      display: none;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    @media print {
      .chart-toggle {
        display: none;
      }
      .chart-table.chart-hidden {
        display: block;
      }
    }
  `,
})
export class ChartComponent {
  readonly kind = input<ChartKind>('bar');
  readonly data = input.required<ChartData>();
  /** The chart's title: its caption and the canvas's aria-label. */
  readonly label = input.required<string>();
  /** The header of the table's first column (what the categories are: grades, schools…). */
  readonly categoryLabel = input('');
  readonly references = input<readonly ChartReferenceLine[]>([]);
  readonly height = input(280);
  readonly testId = input('chart');

  protected readonly titleId = `emis-chart-${nextId++}`;
  protected readonly showTable = signal(false);
  protected readonly table = computed(() => chartTable(this.data()));
  /** Below this width (a phone, a narrow card) labels are shortened. */
  private readonly compact = signal(false);
  private readonly option = computed(() =>
    buildChartOption(this.kind(), this.data(), this.references(), this.compact()),
  );
  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  private readonly chart = signal<ECharts | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    let destroyed = false;
    destroyRef.onDestroy(() => (destroyed = true));
    afterNextRender(() => {
      void import('./echarts-setup').then(({ init }) => {
        if (destroyed) return;
        const element = this.canvas().nativeElement;
        const chart = init(element, undefined, { renderer: 'canvas' });
        const observer = new ResizeObserver(() => {
          if (element.clientWidth === 0) return;
          this.compact.set(element.clientWidth < COMPACT_WIDTH);
          chart.resize();
        });
        observer.observe(element);
        this.chart.set(chart);
        destroyRef.onDestroy(() => {
          observer.disconnect();
          chart.dispose();
        });
      });
    });
    effect(() => {
      // notMerge: a new filter may bring fewer series; merging would keep the old ones drawn.
      this.chart()?.setOption(this.option(), { notMerge: true });
    });
  }
}
