import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  ClassReport,
  CompareReport,
  CompareRow,
  Freshness,
  GradeReportRow,
  OrgPathItem,
  ReportFilter,
  ReportRow,
  SchoolReport,
  UnitReport,
} from '@emis/contracts';
import { ProblemException, Scope, scopeIncludes, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService, OrgUnit } from '@emis/api/tenancy';
import { isWithheld, LOWER_IS_BETTER, measureBase, measureValue, OrgUnitKind, rankValues } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { compareCounts, publishMeasures, publishSubject } from './report-measures';
import { ReportCache } from './report-cache';
import { CompareQueryDto, ReportFilterQueryDto } from './reports.dto';
import { addRaw, emptyRaw, RawMeasures, RawSubject } from './raw-measures';
import { FactSlice, FactsState, Placement, ReportsRepository } from './reports.repository';
import { ReportingDb } from './reporting-db';

/** The province's figures under a filter: its schools' facts summed, before publishing. */
export interface ProvinceFigures {
  raw: RawMeasures;
  subjects: RawSubject[];
}

/** One school's summed facts with where it sat (the every-school workbook, the comparison). */
export interface SchoolFigures {
  placement: Placement;
  raw: RawMeasures;
  subjects: RawSubject[];
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * The reports: one method per report. Each checks the org unit against the caller's scope, reads through ReportingDb
 * (the reports' own connection) under that scope, and caches its result until the in-scope facts change. The
 * province's figures beside every report are read under the province's scope: only their published (suppressed)
 * totals leave this service — the department publishes them to every school.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: ReportingDb,
    private readonly repo: ReportsRepository,
    private readonly cache: ReportCache,
    private readonly tree: OrgTreeService,
  ) {}

  async unitReport(scope: Scope, unitId: string, query: ReportFilterQueryDto): Promise<UnitReport> {
    const unit = await this.unitInScope(scope, unitId);
    const filter = await this.resolveFilter(scope, unitId, query);
    // The department's own report, for a caller who sees the whole province, is the province: its totals are the
    // province's figures, not a second sum over the same rows (measured: 0.6 s of a cold report at full scale).
    const isProvince = scope.all && unit.kind === 'DEPARTMENT';
    const province = isProvince ? undefined : await this.province(filter);
    const above = unit.kind !== 'SCHOOL';
    const path = await this.path(scope, unitId);
    return this.db.runWithScope(scope, async (em) => {
      const placed = await this.placed(em, scope, unitId, filter);
      const ids = placed.map((p) => p.schoolId);
      const state = await this.repo.state(em, ids);
      const body = await this.cache.get(
        `unit|${scopeKey(scope)}|${unitId}|${filterKey(filter)}`,
        state.versions,
        async () => {
          const slice = sliceOf(filter, ids);
          const bySchool = await this.repo.measures(em, slice, 'school');
          const totals = sumSchools(placed, bySchool);
          return {
            totals: publishMeasures(totals, above),
            children: childRows(placed, bySchool, above),
            grades: gradeRows(await this.repo.measures(em, slice, 'grade'), above),
            subjects: (await this.repo.subjects(em, slice)).map((s) => publishSubject(s, above)),
          };
        },
      );
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
        path,
        filter,
        freshness: freshnessOf(state),
        ...body,
        province: province ? publishMeasures(province.raw, true) : body.totals,
      };
    });
  }

  /** A school's own report: every count shown (no suppression), with the province's beside it. */
  async schoolReport(scope: Scope, schoolId: string, query: ReportFilterQueryDto): Promise<SchoolReport> {
    const school = await this.unitInScope(scope, schoolId, 'SCHOOL');
    const filter = await this.resolveFilter(scope, schoolId, query);
    const province = await this.province(filter);
    const path = await this.path(scope, schoolId);
    return this.db.runWithScope(scope, async (em) => {
      const state = await this.repo.state(em, [schoolId]);
      const body = await this.cache.get(`school|${schoolId}|${filterKey(filter)}`, state.versions, async () => {
        const slice = sliceOf(filter, [schoolId]);
        const totals = (await this.repo.measures(em, slice, 'total')).get('') ?? emptyRaw();
        totals.schools = 1;
        const byClass = await this.repo.measures(em, slice, 'class');
        const classes: ReportRow[] = (await this.repo.classList(em, schoolId, filter.yearId)).map((c) => ({
          id: c.classId,
          code: c.name,
          name: c.name,
          kind: 'CLASS',
          grade: c.grade,
          measures: publishMeasures(byClass.get(c.classId) ?? emptyRaw(), false),
        }));
        return {
          totals: publishMeasures(totals, false),
          classes,
          grades: gradeRows(await this.repo.measures(em, slice, 'grade'), false),
          subjects: (await this.repo.subjects(em, slice)).map((s) => publishSubject(s, false)),
        };
      });
      return {
        school: {
          id: school.id,
          code: school.code,
          name: school.name,
          levels: school.levels,
          ownership: school.ownership,
        },
        path,
        filter,
        freshness: freshnessOf(state),
        ...body,
        province: publishMeasures(province.raw, true),
        provinceSubjects: province.subjects.map((s) => publishSubject(s, true)),
      };
    });
  }

  async classReport(
    scope: Scope,
    schoolId: string,
    classId: string,
    query: ReportFilterQueryDto,
  ): Promise<ClassReport> {
    const school = await this.unitInScope(scope, schoolId, 'SCHOOL');
    const filter = await this.resolveFilter(scope, schoolId, query);
    const path = await this.path(scope, schoolId);
    return this.db.runWithScope(scope, async (em) => {
      const info = await this.repo.classInfo(em, schoolId, filter.yearId, classId);
      if (!info) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
      const state = await this.repo.state(em, [schoolId]);
      const body = await this.cache.get(`class|${classId}|${filterKey(filter)}`, state.versions, async () => {
        const slice = { ...sliceOf(filter, [schoolId]), classId };
        const totals = (await this.repo.measures(em, slice, 'total')).get('') ?? emptyRaw();
        totals.schools = 1;
        return {
          totals: publishMeasures(totals, false),
          subjects: (await this.repo.subjects(em, slice)).map((s) => publishSubject(s, false)),
        };
      });
      return {
        class: { id: info.classId, name: info.name, grade: info.grade },
        school: { id: school.id, code: school.code, name: school.name },
        path: [...path, { id: school.id, name: school.name, kind: school.kind }],
        filter,
        freshness: freshnessOf(state),
        ...body,
      };
    });
  }

  /** Every school under the unit side by side on one measure, ranked, against the unit and the province. */
  async compare(scope: Scope, query: CompareQueryDto): Promise<CompareReport> {
    if (query.measure === 'subjectMean' && !query.subjectCode)
      throw new ValidationProblem([{ field: 'subjectCode', rule: 'isNotEmpty', args: [] }]);
    const unitId = query.orgUnitId ?? scope.rootId;
    await this.unitInScope(scope, unitId);
    const filter = await this.resolveFilter(scope, unitId, query);
    const subjectCode = query.measure === 'subjectMean' ? (query.subjectCode ?? null) : null;
    const grade = query.grade ?? null;
    const province = await this.province(filter);
    return this.db.runWithScope(scope, async (em) => {
      const placed = await this.placed(em, scope, unitId, filter);
      const ids = placed.map((p) => p.schoolId);
      const state = await this.repo.state(em, ids);
      const key = `compare|${scopeKey(scope)}|${unitId}|${filterKey(filter)}|${query.measure}|${subjectCode}|${grade}`;
      const body = await this.cache.get(key, state.versions, async () => {
        const slice = sliceOf(filter, ids);
        const bySchool = await this.repo.measures(em, slice, 'school');
        const sums = subjectCode ? await this.repo.subjectSums(em, slice, subjectCode, grade) : new Map();
        return compareRows(query.measure, placed, bySchool, sums);
      });
      const provinceSubject = subjectCode ? subjectSum(province.subjects, subjectCode, grade) : undefined;
      return {
        filter,
        measure: query.measure,
        subjectCode,
        grade,
        freshness: freshnessOf(state),
        unitValue: body.unitValue,
        provinceValue: publishedValue(query.measure, compareCounts(province.raw, provinceSubject)),
        rows: body.rows,
      };
    });
  }

  /** Each school under the unit with its summed facts (the every-school workbook reads them in chunks). */
  async schoolFigures(em: EntityManager, placed: Placement[], filter: ReportFilter): Promise<SchoolFigures[]> {
    const slice = sliceOf(
      filter,
      placed.map((p) => p.schoolId),
    );
    const bySchool = await this.repo.measures(em, slice, 'school');
    const subjects = await this.repo.subjects(em, slice, 'school');
    return placed.map((placement) => ({
      placement,
      raw: { ...(bySchool.get(placement.schoolId) ?? emptyRaw()), schools: 1 },
      subjects: subjects.filter((s) => s.key === placement.schoolId),
    }));
  }

  /** The schools under the unit on the filter's date, within the caller's scope. */
  async placed(
    em: EntityManager,
    scope: Scope,
    unitId: string,
    filter: Pick<ReportFilter, 'asOf' | 'level' | 'ownership'>,
  ): Promise<Placement[]> {
    const placements = await this.repo.placements(em, unitId, filter.asOf, filter.level, filter.ownership);
    // RLS would hide their facts anyway; leaving them out keeps the school counts honest.
    return placements.filter((p) => scopeIncludes(scope, p.schoolId));
  }

  /** The report's filter with its defaults: the open year, HK1 during its first half else CN, today in Vietnam. */
  async resolveFilter(scope: Scope, orgUnitId: string, query: ReportFilterQueryDto): Promise<ReportFilter> {
    const year = await this.db.runWithScope(scope, (em) => this.repo.year(em, query.yearId));
    if (!year) {
      if (query.yearId) throw new ValidationProblem([{ field: 'yearId', rule: 'unknownSchoolYear', args: [] }]);
      throw new ProblemException(HttpStatus.NOT_FOUND, 'no_open_school_year');
    }
    const today = VN_DATE.format(new Date());
    return {
      yearId: year.id,
      yearCode: year.code,
      period: query.period ?? defaultPeriod(year, today),
      orgUnitId,
      level: query.level ?? null,
      ownership: query.ownership ?? null,
      asOf: query.asOf ?? today,
    };
  }

  async unitInScope(scope: Scope, id: string, kind?: OrgUnitKind): Promise<OrgUnit> {
    const unit = await this.tree.get(id);
    if (!unit || (kind && unit.kind !== kind)) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    if (!scopeIncludes(scope, id)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
    return unit;
  }

  private async province(filter: ReportFilter): Promise<ProvinceFigures> {
    const province: Scope = { rootId: 'province', all: true, orgUnitIds: [] };
    return this.db.runWithScope(province, async (em) => {
      const departmentId = await this.repo.departmentId(em);
      const placed = departmentId
        ? await this.repo.placements(em, departmentId, filter.asOf, filter.level, filter.ownership)
        : [];
      const ids = placed.map((p) => p.schoolId);
      const state = await this.repo.state(em, ids);
      const key = `province|${filter.yearId}|${filter.period}|${filter.level}|${filter.ownership}|${filter.asOf}`;
      return this.cache.get(key, state.versions, async () => {
        const slice = sliceOf(filter, ids);
        const raw = (await this.repo.measures(em, slice, 'total')).get('') ?? emptyRaw();
        raw.schools = ids.length;
        return { raw, subjects: await this.repo.subjects(em, slice) };
      });
    });
  }

  /** The units above `id` that the caller may see (the breadcrumbs). */
  async path(scope: Scope, id: string): Promise<OrgPathItem[]> {
    return (await this.tree.ancestors(id))
      .filter((u) => scopeIncludes(scope, u.id))
      .map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  }
}

function sliceOf(filter: ReportFilter, schoolIds: string[]): FactSlice {
  return { schoolIds, yearId: filter.yearId, period: filter.period };
}

export function scopeKey(scope: Scope): string {
  return scope.all ? '*' : scope.rootId;
}

function filterKey(f: ReportFilter): string {
  return [f.yearId, f.period, f.level, f.ownership, f.asOf].join('|');
}

/** HK1 until the middle of the school year, then CN; a closed year shows the whole year. */
function defaultPeriod(year: { status: string; starts_on: string; ends_on: string }, today: string) {
  if (year.status === 'CLOSED') return 'CN' as const;
  const middle = new Date((Date.parse(year.starts_on) + Date.parse(year.ends_on)) / 2).toISOString().slice(0, 10);
  return today <= middle ? ('HK1' as const) : ('CN' as const);
}

/** Every change committed before dataAsOf is in the figures: the oldest change not folded in, else the last refresh. */
export function freshnessOf(state: FactsState): Freshness {
  const at = state.dirtySince ?? state.refreshedAt ?? new Date();
  return { dataAsOf: new Date(at).toISOString(), pendingSchools: state.pendingSchools };
}

function sumSchools(placed: Placement[], bySchool: Map<string, RawMeasures>): RawMeasures {
  const totals = emptyRaw();
  for (const p of placed) addRaw(totals, bySchool.get(p.schoolId) ?? emptyRaw());
  totals.schools = placed.length;
  return totals;
}

/** The report's schools grouped by the child of the report's unit they sat under (`p`: the first of them). */
export function schoolsByChild(placed: Placement[]): Map<string, { p: Placement; schools: Placement[] }> {
  const children = new Map<string, { p: Placement; schools: Placement[] }>();
  for (const p of placed) {
    if (!p.childId) continue;
    const child = children.get(p.childId) ?? { p, schools: [] };
    child.schools.push(p);
    children.set(p.childId, child);
  }
  return children;
}

function childRows(placed: Placement[], bySchool: Map<string, RawMeasures>, above: boolean): ReportRow[] {
  return [...schoolsByChild(placed).entries()]
    .map(([id, { p, schools }]) => ({
      id,
      code: p.childCode ?? '',
      name: p.childName ?? '',
      kind: p.childKind ?? ('SCHOOL' as const),
      measures: publishMeasures(sumSchools(schools, bySchool), above),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function gradeRows(byGrade: Map<string, RawMeasures>, above: boolean): GradeReportRow[] {
  return [...byGrade.entries()]
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([grade, raw]) => ({ grade, measures: publishMeasures(raw, above) }));
}

function subjectSum(subjects: RawSubject[], code: string, grade: string | null) {
  return subjects
    .filter((s) => s.subjectCode === code && (grade === null || s.grade === grade))
    .reduce((sum, s) => ({ sumTenths: sum.sumTenths + s.sumTenths, scored: sum.scored + s.scored }), {
      sumTenths: 0,
      scored: 0,
    });
}

/** A measure's value as published in a comparison: withheld when it describes 1 to 4 pupils. */
function publishedValue(measure: CompareMeasure, counts: ReturnType<typeof compareCounts>): number | null {
  return isWithheld(measureBase(measure, counts), true) ? null : measureValue(measure, counts);
}

type CompareMeasure = CompareQueryDto['measure'];

function compareRows(
  measure: CompareMeasure,
  placed: Placement[],
  bySchool: Map<string, RawMeasures>,
  sums: Map<string, { sumTenths: number; scored: number }>,
): { rows: CompareRow[]; unitValue: number | null } {
  const unitRaw = emptyRaw();
  const unitSum = { sumTenths: 0, scored: 0 };
  const rows = placed.map((p) => {
    const raw = bySchool.get(p.schoolId) ?? emptyRaw();
    const sum = sums.get(p.schoolId);
    addRaw(unitRaw, raw);
    unitSum.sumTenths += sum?.sumTenths ?? 0;
    unitSum.scored += sum?.scored ?? 0;
    const counts = compareCounts(raw, sum);
    const withheld = isWithheld(measureBase(measure, counts), true);
    return {
      id: p.schoolId,
      code: p.code,
      name: p.name,
      parentName: p.parentName,
      pupils: isWithheld(raw.pupils, true) ? null : raw.pupils,
      value: withheld ? null : measureValue(measure, counts),
      rank: null as number | null,
      suppressed: withheld || isWithheld(raw.pupils, true),
    };
  });
  const ranks = rankValues(
    rows.map((r) => r.value),
    LOWER_IS_BETTER.has(measure),
  );
  rows.forEach((r, i) => (r.rank = ranks[i]));
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'vi'));
  return { rows, unitValue: publishedValue(measure, compareCounts(unitRaw, unitSum)) };
}
