import { formatEmisNumber } from '../format/number-format';

/**
 * The charts the reports draw. A small typed input rather than a raw echarts option, so every chart gets the same
 * number format, tooltip and table equivalent, and the pages never depend on echarts' option types.
 */
export type ChartKind = 'bar' | 'stacked-bar' | 'horizontal-bar' | 'line' | 'pie';

export interface ChartSeries {
  name: string;
  /** One value per category; null = withheld or not recorded (shown as "—", drawn as a gap). */
  values: readonly (number | null)[];
}

export interface ChartData {
  categories: readonly string[];
  series: readonly ChartSeries[];
}

/** A horizontal (or, for horizontal bars, vertical) reference line, e.g. the province's mean. */
export interface ChartReferenceLine {
  name: string;
  value: number;
}

/** Shown for a withheld or missing value, in the tooltip and the table alike. */
export const NO_VALUE = '—';

export function formatChartValue(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? NO_VALUE : formatEmisNumber(value);
}

/** The chart's table equivalent: one row per category, one cell per series, formatted as on screen. */
export interface ChartTable {
  columns: string[];
  rows: { category: string; cells: string[] }[];
}

export function chartTable(data: ChartData): ChartTable {
  return {
    columns: data.series.map((s) => s.name),
    rows: data.categories.map((category, i) => ({
      category,
      cells: data.series.map((s) => formatChartValue(s.values[i])),
    })),
  };
}

/** Distinct, print-safe colours with enough contrast on white (the app's primary blue first). */
const PALETTE = ['#0b57a4', '#e07b00', '#1a6b3c', '#b3261e', '#6a3fb5', '#00838f', '#8a6d00', '#c2185b', '#556070'];

/** The echarts option for the kind and data (pure: unit-tested without a browser). */
export function buildChartOption(
  kind: ChartKind,
  data: ChartData,
  references: readonly ChartReferenceLine[] = [],
  /** A narrow container (a phone): shorter axis labels, pie slices named by the legend only. */
  compact = false,
): Record<string, unknown> {
  const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', valueFormatter: formatChartValue, confine: true };
  const legend = { show: data.series.length > 1 || kind === 'pie', type: 'scroll', bottom: 0 };
  if (kind === 'pie') {
    const first = data.series[0];
    return {
      color: PALETTE,
      tooltip,
      legend,
      series: [
        {
          type: 'pie',
          name: first?.name ?? '',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: {
            show: !compact,
            formatter: (p: { name: string; percent: number }) => `${p.name}: ${formatEmisNumber(p.percent)}%`,
          },
          data: data.categories
            .map((name, i) => ({ name, value: first?.values[i] ?? null }))
            .filter((d) => d.value !== null && d.value > 0),
        },
      ],
    };
  }
  const horizontal = kind === 'horizontal-bar';
  const categoryAxis = {
    type: 'category',
    data: [...data.categories],
    // Rank 1 on top for a ranking; long school names are cut, the tooltip and the table hold them whole.
    inverse: horizontal,
    axisLabel: horizontal
      ? { width: compact ? 90 : 160, overflow: 'truncate' }
      : { interval: compact ? 'auto' : 0, hideOverlap: true },
  };
  const valueAxis = { type: 'value', axisLabel: { formatter: (v: number) => formatEmisNumber(v) } };
  const markLine = references.length
    ? {
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed' },
        label: {
          formatter: (p: { name: string; value: number }) => `${p.name}: ${formatEmisNumber(p.value)}`,
          position: 'insideEndTop',
        },
        data: references.map((r) => (horizontal ? { name: r.name, xAxis: r.value } : { name: r.name, yAxis: r.value })),
      }
    : undefined;
  return {
    color: PALETTE,
    tooltip,
    legend,
    grid: { left: 8, right: 16, top: 24, bottom: legend.show ? 40 : 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s, i) => ({
      type: kind === 'line' ? 'line' : 'bar',
      name: s.name,
      data: [...s.values],
      stack: kind === 'stacked-bar' ? 'total' : undefined,
      connectNulls: false,
      barMaxWidth: 36,
      ...(i === 0 && markLine ? { markLine } : {}),
    })),
  };
}
