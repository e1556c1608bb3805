import { buildChartOption, chartTable, formatChartValue } from './chart-option';

const data = {
  categories: ['Khối 6', 'Khối 7'],
  series: [
    { name: 'Tốt', values: [1250, null] },
    { name: 'Khá', values: [7.5, 0] },
  ],
};

type Axis = { type: string; data?: string[]; inverse?: boolean; axisLabel: { formatter?: (v: number) => string } };
type Series = { type: string; stack?: string; data: unknown[]; markLine?: { data: Record<string, unknown>[] } };

describe('the chart wrapper’s option', () => {
  it('writes values the Vietnamese way and a withheld value as a dash, in tooltips and tables alike', () => {
    expect(formatChartValue(1250000)).toBe('1.250.000');
    expect(formatChartValue(7.5)).toBe('7,5');
    expect(formatChartValue(null)).toBe('—');
    const option = buildChartOption('bar', data) as { tooltip: { valueFormatter: (v: number | null) => string } };
    expect(option.tooltip.valueFormatter(1250)).toBe('1.250');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
  });

  it('gives every chart a table of the same figures: a row per category, a cell per series', () => {
    expect(chartTable(data)).toEqual({
      columns: ['Tốt', 'Khá'],
      rows: [
        { category: 'Khối 6', cells: ['1.250', '7,5'] },
        { category: 'Khối 7', cells: ['—', '0'] },
      ],
    });
  });

  it('stacks the series of a stacked bar chart and only those', () => {
    const stacked = buildChartOption('stacked-bar', data) as { series: Series[] };
    expect(stacked.series.map((s) => [s.type, s.stack])).toEqual([
      ['bar', 'total'],
      ['bar', 'total'],
    ]);
    const grouped = buildChartOption('bar', data) as { series: Series[] };
    expect(grouped.series.every((s) => s.stack === undefined)).toBe(true);
    const line = buildChartOption('line', data) as { series: Series[] };
    expect(line.series.every((s) => s.type === 'line')).toBe(true);
  });

  it('keeps a gap for a withheld value instead of drawing a zero', () => {
    const option = buildChartOption('bar', data) as { series: Series[] };
    expect(option.series[0].data).toEqual([1250, null]);
  });

  it('ranks a horizontal bar chart from the top and draws the reference lines across the values', () => {
    const option = buildChartOption('horizontal-bar', data, [
      { name: 'Toàn tỉnh', value: 7.25 },
      { name: 'Đơn vị', value: 6.5 },
    ]) as { xAxis: Axis; yAxis: Axis; series: Series[] };
    expect(option.yAxis.type).toBe('category');
    expect(option.yAxis.inverse).toBe(true);
    expect(option.xAxis.type).toBe('value');
    expect(option.xAxis.axisLabel.formatter?.(1500)).toBe('1.500');
    expect(option.series[0].markLine?.data).toEqual([
      { name: 'Toàn tỉnh', xAxis: 7.25 },
      { name: 'Đơn vị', xAxis: 6.5 },
    ]);
    expect(option.series[1].markLine).toBeUndefined();
  });

  it('draws a pie of the first series, leaving out empty and withheld slices', () => {
    const option = buildChartOption('pie', data) as { series: { type: string; data: unknown[] }[] };
    expect(option.series).toHaveLength(1);
    expect(option.series[0].type).toBe('pie');
    expect(option.series[0].data).toEqual([{ name: 'Khối 6', value: 1250 }]);
  });

  it('shortens labels in a narrow container and names pie slices by the legend only', () => {
    const wide = buildChartOption('horizontal-bar', data) as { yAxis: { axisLabel: { width: number } } };
    const narrow = buildChartOption('horizontal-bar', data, [], true) as { yAxis: { axisLabel: { width: number } } };
    expect(narrow.yAxis.axisLabel.width).toBeLessThan(wide.yAxis.axisLabel.width);
    const pie = buildChartOption('pie', data, [], true) as { series: { label: { show: boolean } }[] };
    expect(pie.series[0].label.show).toBe(false);
  });
});
