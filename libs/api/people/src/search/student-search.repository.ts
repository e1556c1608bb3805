import { Injectable } from '@nestjs/common';
import type { StudentStatus } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** Where a page starts: the last row of the page before, in the search's order (sort name, school, id). */
export interface SearchKey {
  sortName: string;
  schoolId: string;
  id: string;
}

/** What a search asks of the database, the query already folded into words (or an ID number). */
export interface StudentSearch {
  /** Folded words (student_search_words): every one must be a word of the pupil's name. */
  words: readonly string[];
  /** The word the search reads in order (the rarest: `rarestWord`); the others are checked per pupil read. */
  driver?: string;
  /** A 12-digit ID number, asked instead of words. */
  personalId?: string;
  /** The schools in view; null for the department's whole province. Row-level security narrows it again. */
  schoolIds: readonly string[] | null;
  status?: StudentStatus;
  after?: SearchKey;
  limit: number;
}

/** A pupil found, as read, before need-to-know. */
export interface StudentSearchRow {
  id: string;
  school_id: string;
  school_name: string;
  school_code: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: 'MALE' | 'FEMALE';
  status: StudentStatus;
  class_name: string | null;
  year_code: string | null;
  sort_name: string;
}

/**
 * The plan the search must run, set for its statement only: read the rarest word's pupils in index order and probe
 * the other words per pupil read, never sort or hash every match. The planner cannot find this plan alone, because it
 * cannot estimate the row-level security policy (a function of the transaction's settings) and so believes a handful
 * of rows pass it; measured in students-search.int-spec: 9,008 pupils read and sorted for a page of "nguyen" without
 * these settings, 21 with them.
 */
export const SEARCH_PLAN_SETTINGS = ['enable_sort', 'enable_hashjoin', 'enable_mergejoin', 'enable_bitmapscan'];

/** The word of $1 (text[]) fewest pupils hold (student_search_rarest_word, migration 1765000000800). */
export const RAREST_WORD_SQL = `select student_search_rarest_word($1::text[]) as word`;

/**
 * The province-wide pupil search (docs/domain/records.md, "Finding a pupil across schools"): O(page) reads — the
 * pupils holding the query's rarest word are read in the search's order from student_search_word's word index
 * (equality and comparisons, the only conditions PostgreSQL lets an index answer under row-level security), the other
 * words are probed per pupil read, the school and class are looked up only for the page's rows, and pages follow one
 * another by keyset, never by offset.
 */
@Injectable()
export class StudentSearchRepository {
  /** The query folded by the database's one definition (the same function the word table is kept with). */
  async fold(em: EntityManager, text: string): Promise<string[]> {
    const row = await sqlRow<{ words: string[] }>(em, `select student_search_words($1) as words`, [text]);
    return row?.words ?? [];
  }

  /**
   * The word fewest pupils hold, by the table's statistics (the most common words and their frequencies; a word not
   * among them is rarer than all of them); the longest among equals. On Citus the coordinator holds no statistics of
   * a distributed table's shards, and the longest word is read.
   */
  async rarestWord(em: EntityManager, words: readonly string[]): Promise<string> {
    const row = await sqlRow<{ word: string }>(em, RAREST_WORD_SQL, [words]);
    return row?.word ?? words[0];
  }

  async search(em: EntityManager, s: StudentSearch): Promise<StudentSearchRow[]> {
    const { sql, params } = studentSearchStatement(s);
    await sqlRow(em, `select ${SEARCH_PLAN_SETTINGS.map((n) => `set_config('${n}', 'off', true)`).join(', ')}`);
    try {
      return await sqlRows<StudentSearchRow>(em, sql, params);
    } finally {
      await sqlRow(em, `select ${SEARCH_PLAN_SETTINGS.map((n) => `set_config('${n}', 'on', true)`).join(', ')}`);
    }
  }
}

/** The statement of one page of the search (exported for the spec that checks its plan at the province's scale). */
export function studentSearchStatement(s: StudentSearch): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const limit = p(s.limit);
  const where: string[] = [];
  const schoolOf = s.personalId ? 's' : 'w';
  if (s.schoolIds) where.push(`${schoolOf}.school_id = any(${p(s.schoolIds)}::uuid[])`);
  if (s.status) where.push(`s.status = ${p(s.status)}`);
  let found: string;
  if (s.personalId) {
    // A pupil transferred has one record per school: a handful of rows at most, in school order.
    found = `select s.school_id, s.id as student_id,
                    concat_ws(' ', s.given_name, nullif(s.middle_name, ''), s.family_name) as sort_name
               from student s
              where s.personal_id = ${p(s.personalId)} ${where.map((w) => `and ${w}`).join(' ')}
              order by s.school_id, s.id
              limit ${limit}`;
  } else {
    const driver = s.driver ?? s.words[0];
    for (const word of s.words.filter((w) => w !== driver)) {
      where.push(`exists (select from student_search_word o
                           where o.school_id = w.school_id and o.student_id = w.student_id and o.word = ${p(word)})`);
    }
    if (s.after) {
      const a = s.after;
      where.push(
        `(w.sort_name, w.school_id, w.student_id) > (${p(a.sortName)}, ${p(a.schoolId)}::uuid, ${p(a.id)}::uuid)`,
      );
    }
    // The record itself is read here only for a status filter; otherwise only for the page's rows, below.
    const student = s.status ? `join student s on s.school_id = w.school_id and s.id = w.student_id` : '';
    found = `select w.school_id, w.student_id, w.sort_name
               from student_search_word w ${student}
              where w.word = ${p(driver)} ${where.map((c) => `and ${c}`).join(' ')}
              order by w.sort_name, w.school_id, w.student_id
              limit ${limit}`;
  }
  return {
    sql: `select s.id, s.school_id, u.name as school_name, u.code as school_code, s.personal_id, s.full_name,
                 s.date_of_birth::text as date_of_birth, s.gender, s.status, e.class_name, e.year_code, f.sort_name
            from (${found}) f
            join student s on s.school_id = f.school_id and s.id = f.student_id
            left join lateral (select name, code from tenancy_org_unit where id = s.school_id) u on true
            left join lateral (
              select c.name as class_name, y.code as year_code
                from enrolment e
                join academic_class c on c.school_id = e.school_id and c.id = e.class_id
                join academic_school_year y on y.id = e.school_year_id
               where e.school_id = s.school_id and e.student_id = s.id
               order by (e.to_date is null) desc, e.from_date desc, e.id desc
               limit 1
            ) e on true
           order by f.sort_name, f.school_id, f.student_id`,
    params,
  };
}
