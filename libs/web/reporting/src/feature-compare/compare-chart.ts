import { CompareReport } from '@emis/contracts';
import { ChartData, ChartReferenceLine } from '@emis/web/ui';

/** Rows ranked as the API ranked them (1 = best), unranked (withheld or missing) last. */
export function compareChart(
  report: CompareReport,
  seriesName: string,
  unitLabel: string,
  provinceLabel: string,
): { data: ChartData; references: ChartReferenceLine[] } {
  const rows = [...report.rows].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name, 'vi'),
  );
  const references: ChartReferenceLine[] = [];
  if (report.unitValue !== null) references.push({ name: unitLabel, value: report.unitValue });
  if (report.provinceValue !== null) references.push({ name: provinceLabel, value: report.provinceValue });
  return {
    data: { categories: rows.map((r) => r.name), series: [{ name: seriesName, values: rows.map((r) => r.value) }] },
    references,
  };
}
