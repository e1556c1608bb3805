import { Injectable } from '@nestjs/common';
import type { AssetsReport, AssetsReportFilter, AssetsReportQuery, AssetTotals, AssetTotalsRow } from '@emis/contracts';
import { Scope } from '@emis/api/platform';
import { todayInVietnam } from '@emis/domain';
import { addAssets, AssetsReportRepository, noAssets } from './assets-report.repository';
import { ReportCache } from './report-cache';
import { ReportingDb } from './reporting-db';
import { Placement, ReportsRepository } from './reports.repository';
import { freshnessOf, ReportsService, schoolsByChild, scopeKey } from './reports.service';

/**
 * The public assets of the department, a unit or a school: the register as it stands now (the facts hold no history),
 * summed over the schools that sat under the unit on `asOf`, within the caller's scope — a school administrator sees
 * their own school only. Every figure is a sum of the schools' rows, so the province's equals the sum of its
 * schools' to the đồng. Cached like the other reports until an in-scope school's facts change.
 */
@Injectable()
export class AssetsReportService {
  constructor(
    private readonly db: ReportingDb,
    private readonly reports: ReportsService,
    private readonly facts: ReportsRepository,
    private readonly repo: AssetsReportRepository,
    private readonly cache: ReportCache,
  ) {}

  async report(scope: Scope, unitId: string, query: AssetsReportQuery): Promise<AssetsReport> {
    const unit = await this.reports.unitInScope(scope, unitId);
    const filter: AssetsReportFilter = {
      orgUnitId: unitId,
      level: query.level ?? null,
      ownership: query.ownership ?? null,
      asOf: query.asOf ?? todayInVietnam(),
    };
    const path = await this.reports.path(scope, unitId);
    return this.db.runWithScope(scope, async (em) => {
      const placed = await this.reports.placed(em, scope, unitId, filter);
      const ids = placed.map((p) => p.schoolId);
      const state = await this.facts.state(em, ids);
      const key = `assets|${scopeKey(scope)}|${unitId}|${filter.level}|${filter.ownership}|${filter.asOf}`;
      const body = await this.cache.get(key, state.versions, async () => {
        const bySchool = await this.repo.bySchool(em, ids);
        return {
          totals: { ...sumOf(placed, bySchool), schools: placed.length },
          byClass: await this.repo.byClass(em, ids),
          bySource: await this.repo.bySource(em, ids),
          children: childRows(placed, bySchool),
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
}

function sumOf(schools: Placement[], bySchool: Map<string, AssetTotals>): AssetTotals {
  return schools.reduce((sum, p) => addAssets(sum, bySchool.get(p.schoolId) ?? noAssets()), noAssets());
}

function schoolRow(p: Placement, bySchool: Map<string, AssetTotals>): AssetTotalsRow {
  const totals = bySchool.get(p.schoolId) ?? noAssets();
  return {
    id: p.schoolId,
    code: p.code,
    name: p.name,
    kind: 'SCHOOL',
    schools: 1,
    parentName: p.parentName,
    ...totals,
  };
}

function childRows(placed: Placement[], bySchool: Map<string, AssetTotals>): AssetTotalsRow[] {
  return [...schoolsByChild(placed).entries()]
    .map(([id, { p, schools }]) => ({
      id,
      code: p.childCode ?? '',
      name: p.childName ?? '',
      kind: p.childKind ?? ('SCHOOL' as const),
      schools: schools.length,
      ...sumOf(schools, bySchool),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
