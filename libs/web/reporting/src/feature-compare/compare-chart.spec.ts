import { CompareReport } from '@emis/contracts';
import { compareChart } from './compare-chart';

describe('the comparison chart', () => {
  it('ranks the schools, unranked last, with the unit’s and the province’s values as reference lines', () => {
    const report = {
      unitValue: 71.4,
      provinceValue: null,
      rows: [
        { id: 'c', name: 'C', rank: null, value: null },
        { id: 'b', name: 'B', rank: 2, value: 60 },
        { id: 'a', name: 'A', rank: 1, value: 80.5 },
      ],
    } as unknown as CompareReport;
    expect(compareChart(report, 'Tỉ lệ', 'Đơn vị', 'Toàn tỉnh')).toEqual({
      data: { categories: ['A', 'B', 'C'], series: [{ name: 'Tỉ lệ', values: [80.5, 60, null] }] },
      references: [{ name: 'Đơn vị', value: 71.4 }],
    });
  });
});
