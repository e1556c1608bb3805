import { Injectable } from '@nestjs/common';
import type { ReportPeriod } from '@emis/contracts';
import { sqlRow, sqlRows } from '@emis/api/platform';
import type { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { emptyRaw, RawMeasures, RawSubject } from './raw-measures';

/** How fact rows are summed: one total, per school, per grade or per class. */
export type Grouping = 'total' | 'school' | 'grade' | 'class';

/** Which fact rows a query sums: schools in the report, one year, one period (and optionally one class). */
export interface FactSlice {
  /** null: every school the transaction's scope reaches (the province, under the province's scope). */
  schoolIds: string[] | null;
  yearId: string;
  period: ReportPeriod;
  classId?: string;
}

/** A school of the report and where it sat on the report's date. */
export interface Placement {
  schoolId: string;
  code: string;
  name: string;
  /** The child of the report's unit the school sits under on `asOf` (the school itself when directly below). */
  childId: string | null;
  childCode: string | null;
  childName: string | null;
  childKind: OrgUnitKind | null;
  /** The school's own parent on `asOf`. */
  parentName: string | null;
}

export interface FactsState {
  dirtySince: Date | null;
  pendingSchools: number;
  dirtyMarks: number;
  dirtyLatest: Date | null;
  refreshedAt: Date | null;
  versions: string;
}

export interface ClassInfo {
  classId: string;
  name: string;
  grade: string;
}

export interface YearRow {
  id: string;
  code: string;
  status: string;
  starts_on: string;
  ends_on: string;
}

const KEY: Record<Grouping, string> = {
  total: `''`,
  school: `f.school_id::text`,
  grade: `f.grade`,
  class: `f.class_id::text`,
};

/** The fact rows of a slice: $1 the schools (null: all in scope), $2 the year, $3 one class or null. */
const WHERE = `($1::uuid[] is null or f.school_id = any ($1)) and f.school_year_id = $2 and ($3::uuid is null or f.class_id = $3)`;

/** The parameters of WHERE. */
function sliceParams(slice: FactSlice): unknown[] {
  return [slice.schoolIds, slice.yearId, slice.classId ?? null];
}

/** The sums of one group, created on first use. */
type At = (key: string) => RawMeasures;

/** The org tree's instant for a report date: the end of that day in Vietnam (UTC+7), when every move of the day holds. */
const END_OF_DAY = `(($2::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;

/**
 * Every query of the reports: sums over the reporting schema's fact tables (read through ReportingDb, so RLS limits
 * them to the transaction's scope), the org tree as it was on a date (tenancy's views), school years and subject
 * names (academic's views). Means are never averaged: subject rows carry sum_tenths and scored to the end.
 */
@Injectable()
export class ReportsRepository {
  /** The schools under `unitId` on `asOf` (its chain of parents valid that day reaches it), with the filters. */
  async placements(
    em: EntityManager,
    unitId: string,
    asOf: string,
    level: SchoolLevel | null,
    ownership: SchoolOwnership | null,
  ): Promise<Placement[]> {
    const rows = await sqlRows<{
      school_id: string;
      code: string;
      name: string;
      child_id: string | null;
      child_code: string | null;
      child_name: string | null;
      child_kind: OrgUnitKind | null;
      parent_name: string | null;
    }>(
      em,
      `with recursive
         parent_on as (
           -- A unit's parent valid that day; a unit with no recorded history sits where org_unit says.
           select u.id, coalesce(
             (select h.parent_id from tenancy_org_unit_parent_history h
               where h.org_unit_id = u.id and h.valid_from < ${END_OF_DAY}
                 and (h.valid_to is null or h.valid_to >= ${END_OF_DAY})
               order by h.valid_from desc limit 1),
             case when not exists (select 1 from tenancy_org_unit_parent_history h where h.org_unit_id = u.id)
                  then u.parent_id end) as parent_id
             from tenancy_org_unit u
         ),
         chain (school_id, node, parent_id, depth) as (
           select s.id, s.id, p.parent_id, 0
             from tenancy_org_unit s join parent_on p on p.id = s.id
            where s.kind = 'SCHOOL'
              and ($3::text is null or $3 = any (s.levels))
              and ($4::text is null or s.ownership = $4)
           union all
           select c.school_id, c.parent_id, p.parent_id, c.depth + 1
             from chain c join parent_on p on p.id = c.parent_id
            where c.depth < 16
         )
       select c.school_id, s.code, s.name, ch.node as child_id, cu.code as child_code, cu.name as child_name,
              cu.kind as child_kind, pu.name as parent_name
         from chain c
         join tenancy_org_unit s on s.id = c.school_id
         left join chain ch on ch.school_id = c.school_id and ch.parent_id = $1
         left join tenancy_org_unit cu on cu.id = ch.node
         left join chain own on own.school_id = c.school_id and own.depth = 0
         left join tenancy_org_unit pu on pu.id = own.parent_id
        where c.node = $1
        order by s.name`,
      [unitId, asOf, level, ownership],
    );
    return rows.map((r) => ({
      schoolId: r.school_id,
      code: r.code,
      name: r.name,
      childId: r.child_id,
      childCode: r.child_code,
      childName: r.child_name,
      childKind: r.child_kind,
      parentName: r.parent_name,
    }));
  }

  /** The fact tables summed per group of `grouping`. */
  async measures(em: EntityManager, slice: FactSlice, grouping: Grouping): Promise<Map<string, RawMeasures>> {
    const out = new Map<string, RawMeasures>();
    const at = (key: string) => {
      let m = out.get(key);
      if (!m) out.set(key, (m = emptyRaw()));
      return m;
    };
    const key = KEY[grouping];
    await this.addClassSizes(em, slice, key, at);
    await this.addHeadcounts(em, slice, key, at);
    await this.addOutcomes(em, slice, key, at);
    await this.addAttendance(em, slice, key, at);
    // Movements are counted per school and grade, staff per school: neither belongs to a class.
    if (grouping !== 'class' && !slice.classId) await this.addMovements(em, slice, key, at);
    if ((grouping === 'total' || grouping === 'school') && !slice.classId) await this.addStaff(em, slice, key, at);
    return out;
  }

  private async addClassSizes(em: EntityManager, slice: FactSlice, key: string, at: At): Promise<void> {
    for (const r of await sqlRows<{ key: string; schools: number; classes: number; pupils: number; breaches: number }>(
      em,
      `select ${key} as key, count(distinct f.school_id)::int as schools, count(*)::int as classes,
              coalesce(sum(f.pupils), 0)::int as pupils,
              count(*) filter (where f.ceiling is not null and f.pupils > f.ceiling)::int as breaches
         from reporting.class_size f where ${WHERE} group by 1`,
      sliceParams(slice),
    )) {
      Object.assign(at(r.key), { schools: r.schools, classes: r.classes, pupils: r.pupils, classSizeBreaches: r.breaches });
    }
  }

  private async addHeadcounts(em: EntityManager, slice: FactSlice, key: string, at: At): Promise<void> {
    for (const r of await sqlRows<{ key: string; female: number; minority: number; disabled: number }>(
      em,
      `select ${key} as key,
              coalesce(sum(f.pupils) filter (where f.gender = 'FEMALE'), 0)::int as female,
              coalesce(sum(f.pupils) filter (where f.ethnicity <> '01'), 0)::int as minority,
              coalesce(sum(f.pupils) filter (where f.disabled), 0)::int as disabled
         from reporting.headcount f where ${WHERE} group by 1`,
      sliceParams(slice),
    )) {
      Object.assign(at(r.key), { female: r.female, ethnicMinority: r.minority, disabled: r.disabled });
    }
  }

  private async addOutcomes(em: EntityManager, slice: FactSlice, key: string, at: At): Promise<void> {
    for (const r of await sqlRows<{ key: string; measure: string; code: string; pupils: number }>(
      em,
      `select ${key} as key, f.measure, f.code, sum(f.pupils)::int as pupils
         from reporting.class_outcome f where ${WHERE} and f.period = $4 group by 1, 2, 3`,
      [...sliceParams(slice), slice.period],
    )) {
      const m = at(r.key);
      if (r.measure === 'missing') m.resultsMissing += r.pupils;
      else if (r.measure === 'learning') m.learning[r.code] = r.pupils;
      else if (r.measure === 'training') m.training[r.code] = r.pupils;
      else if (r.measure === 'award') m.awards[r.code] = r.pupils;
      else if (r.measure === 'promotion') m.promotion[r.code] = r.pupils;
    }
  }

  /** The whole year (CN) counts both semesters' marks. */
  private async addAttendance(em: EntityManager, slice: FactSlice, key: string, at: At): Promise<void> {
    for (const r of await sqlRows<{ key: string; recorded: number; present: number }>(
      em,
      `select ${key} as key, coalesce(sum(f.recorded), 0)::int as recorded, coalesce(sum(f.present), 0)::int as present
         from reporting.attendance f
        where ${WHERE} and (f.period = $4 or ($4 = 'CN' and f.period in ('HK1', 'HK2'))) group by 1`,
      [...sliceParams(slice), slice.period],
    )) {
      Object.assign(at(r.key), { recorded: r.recorded, present: r.present });
    }
  }

  private async addMovements(em: EntityManager, slice: FactSlice, key: string, at: At): Promise<void> {
    for (const r of await sqlRows<{ key: string; kind: string; pupils: number }>(
      em,
      `select ${key} as key, f.kind, sum(f.pupils)::int as pupils
         from reporting.movement f
        where ($1::uuid[] is null or f.school_id = any ($1)) and f.school_year_id = $2 group by 1, 2`,
      [slice.schoolIds, slice.yearId],
    )) {
      const m = at(r.key);
      if (r.kind === 'DROPPED_OUT') m.droppedOut += r.pupils;
      else if (r.kind === 'TRANSFERRED_OUT') m.transferredOut += r.pupils;
      else if (r.kind === 'TRANSFERRED_IN') m.transferredIn += r.pupils;
    }
  }

  /** Staff in post today belong to the school, not to a year. */
  private async addStaff(em: EntityManager, slice: FactSlice, key: string, at: At): Promise<void> {
    for (const r of await sqlRows<{ key: string; staff: number; teachers: number }>(
      em,
      `select ${key} as key, sum(f.staff)::int as staff,
              coalesce(sum(f.staff) filter (where f.position = 'TEACHER'), 0)::int as teachers
         from reporting.staff_count f where ($1::uuid[] is null or f.school_id = any ($1)) group by 1`,
      [slice.schoolIds],
    )) {
      Object.assign(at(r.key), { staff: r.staff, teachers: r.teachers });
    }
  }

  /** Subject results summed per grade × subject (and per group of `grouping`). */
  async subjects(em: EntityManager, slice: FactSlice, grouping: Grouping = 'total'): Promise<RawSubject[]> {
    const rows = await sqlRows<Record<string, string | number>>(
      em,
      `select ${KEY[grouping]} as key, f.grade, f.subject_code, coalesce(min(s.name), f.subject_code) as subject_name,
              sum(f.pupils)::int as pupils, sum(f.scored)::int as scored, sum(f.sum_tenths)::bigint::text as sum_tenths,
              sum(f.b80)::int as b80, sum(f.b65)::int as b65, sum(f.b50)::int as b50, sum(f.b35)::int as b35,
              sum(f.b00)::int as b00, sum(f.rating_d)::int as rating_d, sum(f.rating_cd)::int as rating_cd,
              sum(f.rating_t)::int as rating_t, sum(f.rating_h)::int as rating_h, sum(f.rating_c)::int as rating_c,
              sum(f.not_passed)::int as not_passed, min(s.sort_order) as sort_order
         from reporting.subject_result f
         left join academic_subject s on s.code = f.subject_code
        where ${WHERE} and f.period = $4
        group by 1, f.grade, f.subject_code
        order by 1, length(f.grade), f.grade, min(s.sort_order) nulls last, f.subject_code`,
      [...sliceParams(slice), slice.period],
    );
    return rows.map((r) => ({
      key: String(r.key),
      grade: String(r.grade),
      subjectCode: String(r.subject_code),
      subjectName: String(r.subject_name),
      pupils: Number(r.pupils),
      scored: Number(r.scored),
      sumTenths: Number(r.sum_tenths),
      b80: Number(r.b80),
      b65: Number(r.b65),
      b50: Number(r.b50),
      b35: Number(r.b35),
      b00: Number(r.b00),
      ratingD: Number(r.rating_d),
      ratingCd: Number(r.rating_cd),
      ratingT: Number(r.rating_t),
      ratingH: Number(r.rating_h),
      ratingC: Number(r.rating_c),
      notPassed: Number(r.not_passed),
    }));
  }

  /** One subject's sum of averages (tenths) and pupils scored, per school (optionally of one grade). */
  async subjectSums(
    em: EntityManager,
    slice: FactSlice,
    subjectCode: string,
    grade: string | null,
  ): Promise<Map<string, { sumTenths: number; scored: number }>> {
    const rows = await sqlRows<{ school_id: string; sum_tenths: string; scored: number }>(
      em,
      `select f.school_id, sum(f.sum_tenths)::bigint::text as sum_tenths, sum(f.scored)::int as scored
         from reporting.subject_result f
        where ${WHERE} and f.period = $4 and f.subject_code = $5 and ($6::text is null or f.grade = $6)
        group by f.school_id`,
      [...sliceParams(slice), slice.period, subjectCode, grade],
    );
    return new Map(rows.map((r) => [r.school_id, { sumTenths: Number(r.sum_tenths), scored: r.scored }]));
  }

  /** How current the facts of these schools are, and the cache's version of them (null: every school in scope). */
  async state(em: EntityManager, schoolIds: string[] | null): Promise<FactsState> {
    const row = await sqlRow<{
      dirty_since: Date | null;
      pending: number;
      dirty_marks: number;
      dirty_latest: Date | null;
      refreshed_at: Date | null;
      versions: string;
    }>(
      em,
      `select d.dirty_since, d.pending, d.dirty_marks, d.dirty_latest, s.refreshed_at, s.versions
         from (select min(since) as dirty_since, count(distinct school_id)::int as pending,
                      count(*)::int as dirty_marks, max(since) as dirty_latest
                 from reporting.dirty where $1::uuid[] is null or school_id = any ($1)) d,
              (select max(refreshed_at) as refreshed_at, coalesce(sum(version), 0)::text || ':' || count(*) as versions
                 from reporting.school_state where $1::uuid[] is null or school_id = any ($1)) s`,
      [schoolIds],
    );
    return {
      dirtySince: row?.dirty_since ?? null,
      pendingSchools: row?.pending ?? 0,
      dirtyMarks: row?.dirty_marks ?? 0,
      dirtyLatest: row?.dirty_latest ?? null,
      refreshedAt: row?.refreshed_at ?? null,
      versions: row?.versions ?? '0:0',
    };
  }

  /** The school's classes of the year, by grade then name. */
  async classList(em: EntityManager, schoolId: string, yearId: string): Promise<ClassInfo[]> {
    const rows = await sqlRows<{ class_id: string; name: string; grade: string }>(
      em,
      `select class_id, name, grade from reporting.class_size
        where school_id = $1 and school_year_id = $2 order by length(grade), grade, name`,
      [schoolId, yearId],
    );
    return rows.map((r) => ({ classId: r.class_id, name: r.name, grade: r.grade }));
  }

  async classInfo(em: EntityManager, schoolId: string, yearId: string, classId: string): Promise<ClassInfo | undefined> {
    const row = await sqlRow<{ class_id: string; name: string; grade: string }>(
      em,
      `select class_id, name, grade from reporting.class_size
        where school_id = $1 and school_year_id = $2 and class_id = $3`,
      [schoolId, yearId, classId],
    );
    return row && { classId: row.class_id, name: row.name, grade: row.grade };
  }

  async year(em: EntityManager, yearId: string | undefined): Promise<YearRow | undefined> {
    return sqlRow<YearRow>(
      em,
      `select id, code, status, starts_on::text, ends_on::text from academic_school_year
        where ($1::uuid is null and status = 'OPEN') or id = $1
        order by starts_on desc limit 1`,
      [yearId ?? null],
    );
  }

  /** The department: the root of the tree, whose scope is the whole province. */
  async departmentId(em: EntityManager): Promise<string | undefined> {
    return (
      await sqlRow<{ id: string }>(
        em,
        `select id from tenancy_org_unit where kind = 'DEPARTMENT' and parent_id is null limit 1`,
      )
    )?.id;
  }

  /** pg_stat_activity's name of the connection the transaction runs on (proves which pool a report uses). */
  async applicationName(em: EntityManager): Promise<string> {
    return (await sqlRow<{ name: string }>(em, `select current_setting('application_name') as name`))?.name ?? '';
  }
}
