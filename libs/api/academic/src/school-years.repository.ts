import { Injectable } from '@nestjs/common';
import type { SchoolYear, SchoolYearInput, SemesterDates, Subject } from '@emis/contracts';
import { SchoolLevel } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

const YEAR_COLUMNS = `id, code, starts_on::text, ends_on::text, semester1_start::text, semester1_end::text, semester2_start::text,
  semester2_end::text, status, closed_at`;

/** A school's semester dates, read as text (yyyy-MM-dd): a school_year's or a school_year_override's. */
interface SemesterDatesRow {
  semester1_start: string;
  semester1_end: string;
  semester2_start: string;
  semester2_end: string;
}

/** A row of school_year (YEAR_COLUMNS), dates read as text. */
interface SchoolYearRow extends SemesterDatesRow {
  id: string;
  code: string;
  starts_on: string;
  ends_on: string;
  status: SchoolYear['status'];
  closed_at: Date | null;
}

/** A subject of the catalogue. */
interface SubjectRow {
  code: string;
  name: string;
  name_en: string;
  levels: SchoolLevel[];
  assessment: Subject['assessment'];
  periods_per_year: number;
}

/** The province's school years and subject catalogue (reference data) and each school's own semester dates. */
@Injectable()
export class SchoolYearsRepository {
  async list(em: EntityManager): Promise<SchoolYear[]> {
    return (await sqlRows<SchoolYearRow>(em, `select ${YEAR_COLUMNS} from school_year order by code desc`)).map(toYear);
  }

  async find(em: EntityManager, id: string, forUpdate = false): Promise<SchoolYear | undefined> {
    const row = await sqlRow<SchoolYearRow>(
      em,
      `select ${YEAR_COLUMNS} from school_year where id = $1 ${forUpdate ? 'for update' : ''}`,
      [id],
    );
    return row ? toYear(row) : undefined;
  }

  async yearOfClass(em: EntityManager, schoolId: string, classId: string): Promise<string | undefined> {
    const row = await sqlRow<{ school_year_id: string }>(
      em,
      `select school_year_id from class where school_id = $1 and id = $2`,
      [schoolId, classId],
    );
    return row?.school_year_id;
  }

  async codeTaken(em: EntityManager, code: string, exceptId: string | null): Promise<boolean> {
    const row = await sqlRow<{ found: number }>(
      em,
      `select 1 as found from school_year where code = $1 and id is distinct from $2`,
      [code, exceptId],
    );
    return Boolean(row);
  }

  async insert(em: EntityManager, y: SchoolYearInput): Promise<SchoolYear> {
    const row = await sqlRow<SchoolYearRow>(
      em,
      `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${YEAR_COLUMNS}`,
      [y.code, y.startsOn, y.endsOn, y.semester1Start, y.semester1End, y.semester2Start, y.semester2End],
    );
    if (!row) throw new Error('insert school_year returned no row');
    return toYear(row);
  }

  async update(em: EntityManager, id: string, y: SchoolYearInput): Promise<SchoolYear> {
    const row = await sqlRow<SchoolYearRow>(
      em,
      `update school_year set code = $2, starts_on = $3, ends_on = $4, semester1_start = $5, semester1_end = $6,
         semester2_start = $7, semester2_end = $8 where id = $1 returning ${YEAR_COLUMNS}`,
      [id, y.code, y.startsOn, y.endsOn, y.semester1Start, y.semester1End, y.semester2Start, y.semester2End],
    );
    if (!row) throw new Error(`update: no school year ${id}`);
    return toYear(row);
  }

  async setStatus(
    em: EntityManager,
    id: string,
    status: SchoolYear['status'],
    closedAt: Date | null,
  ): Promise<SchoolYear> {
    const row = await sqlRow<SchoolYearRow>(
      em,
      `update school_year set status = $2, closed_at = $3 where id = $1 returning ${YEAR_COLUMNS}`,
      [id, status, closedAt],
    );
    if (!row) throw new Error(`setStatus: no school year ${id}`);
    return toYear(row);
  }

  async findOverride(em: EntityManager, schoolId: string, yearId: string): Promise<SemesterDates | undefined> {
    const row = await sqlRow<SemesterDatesRow>(
      em,
      `select semester1_start::text, semester1_end::text, semester2_start::text, semester2_end::text
         from school_year_override where school_id = $1 and school_year_id = $2`,
      [schoolId, yearId],
    );
    return row ? toDates(row) : undefined;
  }

  async saveOverride(em: EntityManager, schoolId: string, yearId: string, d: SemesterDates, at: Date): Promise<void> {
    await sqlExec(
      em,
      `insert into school_year_override (school_id, school_year_id, semester1_start, semester1_end, semester2_start, semester2_end, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (school_id, school_year_id) do update set semester1_start = excluded.semester1_start,
         semester1_end = excluded.semester1_end, semester2_start = excluded.semester2_start,
         semester2_end = excluded.semester2_end, updated_at = excluded.updated_at`,
      [schoolId, yearId, d.semester1Start, d.semester1End, d.semester2Start, d.semester2End, at],
    );
  }

  async deleteOverride(em: EntityManager, schoolId: string, yearId: string): Promise<void> {
    await sqlExec(em, `delete from school_year_override where school_id = $1 and school_year_id = $2`, [
      schoolId,
      yearId,
    ]);
  }

  async subjects(em: EntityManager, level?: SchoolLevel): Promise<Subject[]> {
    const rows = await sqlRows<SubjectRow>(
      em,
      `select code, name, name_en, levels, assessment, periods_per_year from subject
        where $1::text is null or $1 = any(levels) order by sort_order, code`,
      [level ?? null],
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      levels: r.levels,
      assessment: r.assessment,
      periodsPerYear: r.periods_per_year,
    }));
  }
}

function toDates(r: SemesterDatesRow): SemesterDates {
  return {
    semester1Start: r.semester1_start,
    semester1End: r.semester1_end,
    semester2Start: r.semester2_start,
    semester2End: r.semester2_end,
  };
}

function toYear(r: SchoolYearRow): SchoolYear {
  return {
    id: r.id,
    code: r.code,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    ...toDates(r),
    status: r.status,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  };
}
