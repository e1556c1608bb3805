import { Injectable } from '@nestjs/common';
import type { FinanceFigures, FinanceReport, FinanceReportFilter, FinanceReportRow } from '@emis/contracts';
import { Scope } from '@emis/api/platform';
import { addFinance, FinanceReportRepository, noFinance } from './finance-report.repository';
import { ReportCache } from './report-cache';
import { ReportingDb } from './reporting-db';
import { Placement, ReportsRepository } from './reports.repository';
import { FinanceReportQueryDto } from './reports.dto';
import { freshnessOf, ReportsService, schoolsByChild, scopeKey } from './reports.service';

/**
 * The finance of the department, a unit or a school: the school year's dues and collection and the fiscal year's
 * budget and spending, summed over the schools that sat under the unit on `asOf`, within the caller's scope — a school
 * administrator or accountant sees their own school only. Every figure is a sum of the schools' fact rows, so the
 * province's equals the sum of its schools' to the đồng. Cached like the other reports until an in-scope school's
 * facts change.
 */
@Injectable()
export class FinanceReportService {
  constructor(
    private readonly db: ReportingDb,
    private readonly reports: ReportsService,
    private readonly facts: ReportsRepository,
    private readonly repo: FinanceReportRepository,
    private readonly cache: ReportCache,
  ) {}

  async report(scope: Scope, unitId: string, query: FinanceReportQueryDto): Promise<FinanceReport> {
    const unit = await this.reports.unitInScope(scope, unitId);
    const filter = await this.filterOf(scope, unitId, query);
    const path = await this.reports.path(scope, unitId);
    return this.db.runWithScope(scope, async (em) => {
      const placed = await this.reports.placed(em, scope, unitId, filter);
      const ids = placed.map((p) => p.schoolId);
      const state = await this.facts.state(em, ids);
      const key = `finance|${scopeKey(scope)}|${unitId}|${filter.yearId}|${filter.fiscalYear}|${filter.level}|${filter.ownership}|${filter.asOf}`;
      const body = await this.cache.get(key, state.versions, async () => {
        const bySchool = await this.repo.bySchool(em, ids, filter.yearId, filter.fiscalYear);
        return {
          total: { ...sumOf(placed, bySchool), schools: placed.length },
          bySource: await this.repo.bySource(em, ids, filter.fiscalYear),
          rows: childRows(placed, bySchool),
          schools: placed.map((p) => schoolRow(p, bySchool)),
        };
      });
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
        path,
        filter,
        freshness: freshnessOf(state),
        ...body,
      };
    });
  }

  /**
   * The school year (the open one unless named) and the fiscal year: named, or the calendar year the school year
   * starts in — the budget year its first semester is spent from.
   */
  private async filterOf(scope: Scope, unitId: string, query: FinanceReportQueryDto): Promise<FinanceReportFilter> {
    const resolved = await this.reports.resolveFilter(scope, unitId, query);
    const year = await this.db.runWithScope(scope, (em) => this.facts.year(em, resolved.yearId));
    return {
      orgUnitId: unitId,
      yearId: resolved.yearId,
      yearCode: resolved.yearCode,
      fiscalYear: query.fiscalYear ?? Number(year!.starts_on.slice(0, 4)),
      level: resolved.level,
      ownership: resolved.ownership,
      asOf: resolved.asOf,
    };
  }
}

function sumOf(schools: Placement[], bySchool: Map<string, FinanceFigures>): FinanceFigures {
  return schools.reduce((sum, p) => addFinance(sum, bySchool.get(p.schoolId) ?? noFinance()), noFinance());
}

function schoolRow(p: Placement, bySchool: Map<string, FinanceFigures>): FinanceReportRow {
  return {
    orgUnitId: p.schoolId,
    code: p.code,
    name: p.name,
    kind: 'SCHOOL',
    schools: 1,
    parentName: p.parentName,
    ...(bySchool.get(p.schoolId) ?? noFinance()),
  };
}

function childRows(placed: Placement[], bySchool: Map<string, FinanceFigures>): FinanceReportRow[] {
  return [...schoolsByChild(placed).entries()]
    .map(([id, { p, schools }]) => ({
      orgUnitId: id,
      code: p.childCode ?? '',
      name: p.childName ?? '',
      kind: p.childKind ?? ('SCHOOL' as const),
      schools: schools.length,
      ...sumOf(schools, bySchool),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
