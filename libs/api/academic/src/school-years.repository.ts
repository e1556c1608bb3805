import { Injectable } from '@nestjs/common';
import type { SchoolYear, SchoolYearInput, SemesterDates, Subject } from '@emis/contracts';
import { SchoolLevel } from '@emis/domain';
import { EntityManager } from 'typeorm';

const YEAR_COLUMNS = `id, code, starts_on::text, ends_on::text, semester1_start::text, semester1_end::text, semester2_start::text,
  semester2_end::text, status, closed_at`;

/** The province's school years and subject catalogue (reference data) and each school's own semester dates. */
@Injectable()
export class SchoolYearsRepository {
  async list(em: EntityManager): Promise<SchoolYear[]> {
    return (await em.query(`select ${YEAR_COLUMNS} from school_year order by code desc`)).map(toYear);
  }

  async find(em: EntityManager, id: string, forUpdate = false): Promise<SchoolYear | undefined> {
    const [row] = await em.query(`select ${YEAR_COLUMNS} from school_year where id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
    return row ? toYear(row) : undefined;
  }

  async yearOfClass(em: EntityManager, schoolId: string, classId: string): Promise<string | undefined> {
    const [row] = await em.query(`select school_year_id from class where school_id = $1 and id = $2`, [schoolId, classId]);
    return row?.school_year_id;
  }

  async codeTaken(em: EntityManager, code: string, exceptId: string | null): Promise<boolean> {
    const [row] = await em.query(`select 1 from school_year where code = $1 and id is distinct from $2`, [code, exceptId]);
    return Boolean(row);
  }

  async insert(em: EntityManager, y: SchoolYearInput): Promise<SchoolYear> {
    const [row] = await em.query(
      `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${YEAR_COLUMNS}`,
      [y.code, y.startsOn, y.endsOn, y.semester1Start, y.semester1End, y.semester2Start, y.semester2End],
    );
    return toYear(row);
  }

  async update(em: EntityManager, id: string, y: SchoolYearInput): Promise<SchoolYear> {
    const [rows] = await em.query(
      `update school_year set code = $2, starts_on = $3, ends_on = $4, semester1_start = $5, semester1_end = $6,
         semester2_start = $7, semester2_end = $8 where id = $1 returning ${YEAR_COLUMNS}`,
      [id, y.code, y.startsOn, y.endsOn, y.semester1Start, y.semester1End, y.semester2Start, y.semester2End],
    );
    return toYear(rows[0]);
  }

  async setStatus(em: EntityManager, id: string, status: SchoolYear['status'], closedAt: Date | null): Promise<SchoolYear> {
    const [rows] = await em.query(`update school_year set status = $2, closed_at = $3 where id = $1 returning ${YEAR_COLUMNS}`, [id, status, closedAt]);
    return toYear(rows[0]);
  }

  async findOverride(em: EntityManager, schoolId: string, yearId: string): Promise<SemesterDates | undefined> {
    const [row] = await em.query(
      `select semester1_start::text, semester1_end::text, semester2_start::text, semester2_end::text
         from school_year_override where school_id = $1 and school_year_id = $2`,
      [schoolId, yearId],
    );
    return row ? toDates(row) : undefined;
  }

  async saveOverride(em: EntityManager, schoolId: string, yearId: string, d: SemesterDates, at: Date): Promise<void> {
    await em.query(
      `insert into school_year_override (school_id, school_year_id, semester1_start, semester1_end, semester2_start, semester2_end, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (school_id, school_year_id) do update set semester1_start = excluded.semester1_start,
         semester1_end = excluded.semester1_end, semester2_start = excluded.semester2_start,
         semester2_end = excluded.semester2_end, updated_at = excluded.updated_at`,
      [schoolId, yearId, d.semester1Start, d.semester1End, d.semester2Start, d.semester2End, at],
    );
  }

  async deleteOverride(em: EntityManager, schoolId: string, yearId: string): Promise<void> {
    await em.query(`delete from school_year_override where school_id = $1 and school_year_id = $2`, [schoolId, yearId]);
  }

  async subjects(em: EntityManager, level?: SchoolLevel): Promise<Subject[]> {
    const rows = await em.query(
      `select code, name, name_en, levels, assessment, periods_per_year from subject
        where $1::text is null or $1 = any(levels) order by sort_order, code`,
      [level ?? null],
    );
    return rows.map((r: Record<string, unknown>) => ({
      code: r['code'], name: r['name'], nameEn: r['name_en'], levels: r['levels'], assessment: r['assessment'], periodsPerYear: r['periods_per_year'],
    }) as Subject);
  }
}

function toDates(r: Record<string, unknown>): SemesterDates {
  return {
    semester1Start: r['semester1_start'] as string,
    semester1End: r['semester1_end'] as string,
    semester2Start: r['semester2_start'] as string,
    semester2End: r['semester2_end'] as string,
  };
}

function toYear(r: Record<string, unknown>): SchoolYear {
  return {
    id: r['id'] as string,
    code: r['code'] as string,
    startsOn: r['starts_on'] as string,
    endsOn: r['ends_on'] as string,
    ...toDates(r),
    status: r['status'] as SchoolYear['status'],
    closedAt: r['closed_at'] ? (r['closed_at'] as Date).toISOString() : null,
  };
}
