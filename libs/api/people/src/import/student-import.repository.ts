import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface OpenYearClass {
  schoolId: string;
  id: string;
  name: string;
  schoolYearId: string;
  /** yyyy-MM-dd: an enrolment made before the year starts begins on this day. */
  yearStartsOn: string;
}

/** A school the rows of a list may name (the organisation context's published view, tenancy_org_unit). */
export interface SchoolCode {
  id: string;
  code: string;
  closed: boolean;
}

/** A class of the open year with the year's first day (yyyy-MM-dd). */
interface OpenYearClassRow {
  school_id: string;
  id: string;
  name: string;
  school_year_id: string;
  starts_on: string;
}

/**
 * What the student import reads besides its staging (student-staging.repository.ts): the classes of a school's open
 * year (the template's dropdown, the class check) and the schools' codes (a unit's file names each row's school).
 */
@Injectable()
export class StudentImportRepository {
  /** Classes of the school's open year (the latest open year the school has classes in). */
  async openYearClasses(em: EntityManager, schoolId: string): Promise<OpenYearClass[]> {
    return this.openYearClassesOf(em, [schoolId]);
  }

  /** The same, for every school a list names, in one statement. */
  async openYearClassesOf(em: EntityManager, schoolIds: string[]): Promise<OpenYearClass[]> {
    if (!schoolIds.length) return [];
    const rows = await sqlRows<OpenYearClassRow>(
      em,
      `select c.school_id, c.id, c.name, c.school_year_id, to_char(c.year_starts_on, 'YYYY-MM-DD') as starts_on
         from academic_class c
        where c.school_id = any($1::uuid[]) and c.year_status = 'OPEN'
          and c.school_year_id = (select c2.school_year_id from academic_class c2
                                   where c2.school_id = c.school_id and c2.year_status = 'OPEN'
                                   order by c2.year_starts_on desc limit 1)`,
      [schoolIds],
    );
    return rows.map((r) => ({
      schoolId: r.school_id,
      id: r.id,
      name: r.name,
      schoolYearId: r.school_year_id,
      yearStartsOn: r.starts_on,
    }));
  }

  /** The schools of the province with their codes (`only`: just these), as the organisation context publishes them. */
  async schoolCodes(em: EntityManager, only?: string[]): Promise<SchoolCode[]> {
    return (
      await sqlRows<{ id: string; code: string; closed: boolean }>(
        em,
        `select id, code, closed_on is not null as closed from tenancy_org_unit
          where kind = 'SCHOOL' and ($1::uuid[] is null or id = any($1::uuid[]))`,
        [only ?? null],
      )
    ).map((r) => ({ id: r.id, code: r.code, closed: r.closed }));
  }
}
