import { Injectable } from '@nestjs/common';
import { SqlPart, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A staged row, as the staging table takes it (one array per column, a chunk at a time). */
export interface StagedStudent {
  row: number;
  /** Null when the row's school code could not be read (the row has an error and is only checked). */
  schoolId: string | null;
  clean: boolean;
  personalId: string | null;
  fullName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  ethnicity: string | null;
  religion: string | null;
  nationality: string | null;
  placeOfBirth: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  className: string | null;
  /** The class name folded as the import compares class names (labelKey). */
  classKey: string | null;
  policyGroups: string[] | null;
  disability: string | null;
  guardians: unknown[] | null;
}

/** A class of a school's open year, as staged for the class check and the enrolments. */
export interface StagedClass {
  schoolId: string;
  classKey: string;
  classId: string;
  name: string;
  schoolYearId: string;
  startsOn: string;
}

/** What a school's rows of the file change, counted from the plan before anything is written. */
export interface StudentPlanCounts {
  rows: number;
  created: number;
  touched: number;
  changedRecords: number;
  guardians: number;
  enrolments: number;
}

/**
 * The staging table's columns, in order, as the JSON of a StagedStudent names them, with their types: the compiler
 * keeps this list and the interface in step (a renamed property would otherwise stage nulls).
 */
const STAGE_ROW: Record<keyof StagedStudent, string> = {
  row: 'int',
  schoolId: 'uuid',
  clean: 'bool',
  personalId: 'text',
  fullName: 'text',
  dateOfBirth: 'date',
  gender: 'text',
  ethnicity: 'text',
  religion: 'text',
  nationality: 'text',
  placeOfBirth: 'text',
  permanentAddress: 'text',
  currentAddress: 'text',
  className: 'text',
  classKey: 'text',
  policyGroups: 'text[]',
  disability: 'text',
  guardians: 'jsonb',
};

const STAGE_ROWS = `insert into student_import_stage
  select ${Object.keys(STAGE_ROW)
    .map((k) => `u."${k}"`)
    .join(', ')}
    from json_to_recordset($1::json) as u(${Object.entries(STAGE_ROW)
      .map(([k, type]) => `"${k}" ${type}`)
      .join(', ')})`;

/** The pupils a file leaves as read-only history cannot be imported again (their status). */
const KEPT_STATUSES = ['TRANSFERRED_OUT', 'DROPPED_OUT', 'GRADUATED'];

/** Audit entries appended per call of audit_append_batch (bounded arrays, whatever the file's length). */
const AUDIT_ROUND = 20_000;

/**
 * The staged student import's SQL (docs/adr/province-scale-imports.md, decision 4): two temporary tables of the job's
 * one transaction — the file's rows (student_import_stage) and the open year's classes of the schools it names
 * (student_import_class) — the checks over the whole file, and the commit from a plan (student_import_plan) that joins
 * the rows with the records already on file once. Temporary tables are private to the session and dropped at the
 * transaction's end, so they need no row-level security; every statement that reads or writes a school's table names
 * the school (`school_id = $1`), so row-level security checks it and Citus can route it.
 *
 * No statement outer-joins a temporary table with a school's table: on Citus 13.2 `<local table> LEFT JOIN
 * <distributed table>` under row-level security crashes the coordinator's planner (docs/scaling.md, "Writing queries
 * that distribute"). The plan reads the school's records the file names once, into a third temporary table
 * (student_import_found: the school's tables only, the file's personal ids as a sub-select), and joins temporary
 * tables only from there.
 */
@Injectable()
export class StudentStagingRepository {
  async create(em: EntityManager): Promise<void> {
    await sqlExec(
      em,
      `create temp table student_import_stage (
         sheet_row int not null, school_id uuid, clean boolean not null,
         personal_id text, full_name text, date_of_birth date, gender text, ethnicity text, religion text,
         nationality text, place_of_birth text, permanent_address text, current_address text,
         class_name text, class_key text, policy_groups text[], disability text, guardians jsonb
       ) on commit drop`,
    );
    await sqlExec(
      em,
      `create temp table student_import_class (
         school_id uuid not null, class_key text not null, class_id uuid not null, name text not null,
         school_year_id uuid not null, starts_on date not null
       ) on commit drop`,
    );
  }

  async stageClasses(em: EntityManager, classes: StagedClass[]): Promise<void> {
    if (!classes.length) return;
    await sqlExec(
      em,
      `insert into student_import_class (school_id, class_key, class_id, name, school_year_id, starts_on)
       select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::date[])`,
      [
        classes.map((c) => c.schoolId),
        classes.map((c) => c.classKey),
        classes.map((c) => c.classId),
        classes.map((c) => c.name),
        classes.map((c) => c.schoolYearId),
        classes.map((c) => c.startsOn),
      ],
    );
  }

  /**
   * One chunk of rows in one statement (a temporary table: no row-level security, no Citus routing involved),
   * unpacked by PostgreSQL from JSON by the rows' own property names (STAGE_ROW). The chunk is the bytes of the rows'
   * JSON array (JsonRowsEncoder), which PostgreSQL reads as the json parameter's binary form (the text itself): an
   * array parameter per column had cost node-postgres an escaped text literal per value, and bytes sit outside the
   * JavaScript heap (docs/benchmarks.md, "The import's memory").
   */
  async stage(em: EntityManager, chunk: Buffer): Promise<void> {
    await sqlExec(em, STAGE_ROWS, [chunk]);
  }

  /** The planner's statistics of the staged rows (a temporary table is never analysed by autovacuum). */
  async analyse(em: EntityManager, table: 'student_import_stage' | 'student_import_plan'): Promise<void> {
    await sqlExec(em, `analyze ${table}`);
  }

  async stagedSchools(em: EntityManager): Promise<string[]> {
    const rows = await sqlRows<{ school_id: string }>(
      em,
      `select distinct school_id from student_import_stage where school_id is not null order by school_id`,
    );
    return rows.map((r) => r.school_id);
  }

  /**
   * Each row whose personal id an earlier row of the file already has, with that first row: a pupil is listed once,
   * whichever school a unit's file puts each row under (a pupil attends one school).
   */
  async duplicates(em: EntityManager): Promise<{ sheet_row: number; first_row: number }[]> {
    return sqlRows<{ sheet_row: number; first_row: number }>(
      em,
      `select sheet_row, first_row
         from (select sheet_row, min(sheet_row) over (partition by personal_id) as first_row
                 from student_import_stage where personal_id is not null) d
        where sheet_row > first_row
        order by sheet_row`,
    );
  }

  /** Rows naming a class their school's open year does not have (`has_year`: the school has an open year at all). */
  async unknownClasses(em: EntityManager): Promise<{ sheet_row: number; has_year: boolean }[]> {
    return sqlRows<{ sheet_row: number; has_year: boolean }>(
      em,
      `select s.sheet_row, exists (select 1 from student_import_class c where c.school_id = s.school_id) as has_year
         from student_import_stage s
        where s.class_key is not null and s.school_id is not null
          and not exists (select 1 from student_import_class c where c.school_id = s.school_id and c.class_key = s.class_key)
        order by s.sheet_row`,
    );
  }

  /** Rows of `schoolId` whose personal id is a record the school keeps as history only. */
  async keptRecords(em: EntityManager, schoolId: string): Promise<{ sheet_row: number; status: string }[]> {
    return sqlRows<{ sheet_row: number; status: string }>(
      em,
      `select s.sheet_row, st.status
         from student_import_stage s
         join student st on st.school_id = $1 and st.personal_id = s.personal_id
        where s.school_id = $1 and st.status = any($2::text[])
        order by s.sheet_row`,
      [schoolId, KEPT_STATUSES],
    );
  }

  /**
   * The plan of one school's rows: each row joined once with the record on file (by personal id), its open
   * enrolment of the open year and its class, with what the import changes — a new record (its id drawn here), the
   * record's fields, the father, mother and unnamed contacts (as the list carries them), the class. Compared as
   * docs/domain/records.md describes a re-import: an unchanged row changes nothing.
   *
   * Two statements. The first reads the school's records the file names, each with its guardians (as the audit's
   * `before` lists them) and its open enrolment of the open year, into student_import_found: only the school's tables,
   * every one named with `school_id = $1` (one shard under Citus), the file's personal ids a sub-select of the staged
   * rows. The second joins the staged rows with those records and the staged classes: temporary tables only.
   */
  async plan(em: EntityManager, schoolId: string, openYearId: string | null, today: string): Promise<void> {
    await sqlExec(
      em,
      `create temp table student_import_found on commit drop as
       select st.id, st.personal_id, st.full_name, st.date_of_birth, st.gender, st.ethnicity, st.religion, st.nationality,
              st.place_of_birth, st.permanent_address, st.current_address, st.policy_groups, st.disability,
              coalesce((select jsonb_agg(jsonb_build_object('relation', g.relation, 'fullName', g.full_name, 'phone', g.phone,
                                                            'occupation', g.occupation, 'birthYear', g.birth_year)
                                         order by g.relation, g.full_name)
                          from guardian g where g.school_id = $1 and g.student_id = st.id), '[]'::jsonb) as guardians,
              e.id as enrolment_id, e.class_id as enrolled_class_id
         from student st
         left join enrolment e on e.school_id = $1 and e.student_id = st.id and e.school_year_id = $2 and e.to_date is null
        where st.school_id = $1
          and st.personal_id in (select s.personal_id from student_import_stage s
                                  where s.school_id = $1 and s.personal_id is not null)`,
      [schoolId, openYearId],
    );
    await sqlExec(
      em,
      `create temp table student_import_plan on commit drop as
       select f.*, case when f.touched then row_number() over (partition by f.touched order by f.sheet_row) end as audit_seq
         from (select p.*, (p.existing_id is null or p.record_differs or p.parents_differ or p.moves) as touched
                 from (select s.*, st.id as existing_id, coalesce(st.id, gen_random_uuid()) as student_id,
                              c.class_id, c.school_year_id, greatest($2::date, c.starts_on) as move_date,
                              st.enrolment_id, st.enrolled_class_id,
                              st.id is not null and (
                                (st.full_name, st.date_of_birth, st.gender, st.ethnicity, st.religion, st.nationality,
                                 st.place_of_birth, st.permanent_address, st.current_address, st.disability)
                                is distinct from
                                (s.full_name, s.date_of_birth, s.gender, s.ethnicity, s.religion, s.nationality,
                                 s.place_of_birth, s.permanent_address, s.current_address, s.disability)
                                or (select array_agg(x order by x) from unnest(st.policy_groups) x)
                                   is distinct from (select array_agg(x order by x) from unnest(s.policy_groups) x)
                              ) as record_differs,
                              st.id is not null and
                                (select string_agg(concat_ws('|', g.relation, coalesce(g."fullName", ''), coalesce(g.phone, '')), E'\\n'
                                                   order by concat_ws('|', g.relation, coalesce(g."fullName", ''), coalesce(g.phone, '')) collate "C")
                                   from jsonb_to_recordset(st.guardians) as g(relation text, "fullName" text, phone text)
                                  where g.relation <> 'GUARDIAN')
                                is distinct from
                                (select string_agg(concat_ws('|', x.relation, coalesce(x."fullName", ''), coalesce(x.phone, '')), E'\\n'
                                                   order by concat_ws('|', x.relation, coalesce(x."fullName", ''), coalesce(x.phone, '')) collate "C")
                                   from jsonb_to_recordset(s.guardians) as x(relation text, "fullName" text, phone text)
                                  where x.relation <> 'GUARDIAN') as parents_differ,
                              c.class_id is not null and c.class_id is distinct from st.enrolled_class_id as moves
                         from student_import_stage s
                         left join student_import_found st on st.personal_id = s.personal_id
                         left join student_import_class c on c.school_id = s.school_id and c.class_key = s.class_key
                        where s.school_id = $1) p) f`,
      [schoolId, today],
    );
  }

  /** The school's open year, as its staged classes have it (null: the school has no class in an open year). */
  async openYearOf(em: EntityManager, schoolId: string): Promise<string | null> {
    const row = await sqlRow<{ school_year_id: string }>(
      em,
      `select school_year_id from student_import_class where school_id = $1 limit 1`,
      [schoolId],
    );
    return row?.school_year_id ?? null;
  }

  async planCounts(em: EntityManager): Promise<StudentPlanCounts> {
    const row = await sqlRow<{
      rows: number;
      created: number;
      touched: number;
      changed_records: number;
      guardians: number;
      enrolments: number;
    }>(
      em,
      `select count(*)::int as rows,
              count(*) filter (where existing_id is null)::int as created,
              count(*) filter (where touched)::int as touched,
              count(*) filter (where record_differs)::int as changed_records,
              coalesce(sum(jsonb_array_length(guardians)) filter (where existing_id is null or parents_differ), 0)::int as guardians,
              count(*) filter (where moves)::int as enrolments
         from student_import_plan`,
    );
    return {
      rows: row?.rows ?? 0,
      created: row?.created ?? 0,
      touched: row?.touched ?? 0,
      changedRecords: row?.changed_records ?? 0,
      guardians: row?.guardians ?? 0,
      enrolments: row?.enrolments ?? 0,
    };
  }

  /**
   * The audit entries of the touched rows, in rounds of AUDIT_ROUND, selected for the audit context to append: the
   * record as it is on file before (fields, guardians, class) and as the file has it after. Called before the writes,
   * in their transaction, so `before` is the record as the import found it.
   */
  auditRounds(touched: number): SqlPart[] {
    const rounds: SqlPart[] = [];
    for (let from = 1; from <= touched; from += AUDIT_ROUND) {
      rounds.push(
        (bind) => `
        select 'student' as entity, p.student_id::text as entity_id,
               case when p.existing_id is null then 'CREATE' else 'UPDATE' end as action,
               case when p.existing_id is null then null else jsonb_build_object(
                 'personalId', st.personal_id, 'fullName', st.full_name, 'dateOfBirth', to_char(st.date_of_birth, 'YYYY-MM-DD'),
                 'gender', st.gender, 'ethnicity', st.ethnicity, 'religion', st.religion, 'nationality', st.nationality,
                 'placeOfBirth', st.place_of_birth, 'permanentAddress', st.permanent_address,
                 'currentAddress', st.current_address, 'policyGroups', to_jsonb(st.policy_groups), 'disability', st.disability,
                 'guardians', st.guardians,
                 'className', (select c.name from student_import_class c
                                where c.school_id = p.school_id and c.class_id = p.enrolled_class_id limit 1)) end as before,
               jsonb_build_object(
                 'personalId', p.personal_id, 'fullName', p.full_name, 'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'),
                 'gender', p.gender, 'ethnicity', p.ethnicity, 'religion', p.religion, 'nationality', p.nationality,
                 'placeOfBirth', p.place_of_birth, 'permanentAddress', p.permanent_address,
                 'currentAddress', p.current_address, 'policyGroups', to_jsonb(p.policy_groups), 'disability', p.disability,
                 'guardians', p.guardians, 'className', p.class_name) as after,
               p.audit_seq as ord
          from student_import_plan p
          left join student_import_found st on st.id = p.existing_id
         where p.audit_seq between ${bind(from)}::bigint and ${bind(from + AUDIT_ROUND - 1)}::bigint`,
      );
    }
    return rounds;
  }

  /**
   * The new records, then their search words. INSERT … SELECT … ON CONFLICT, so Citus routes it by school_id instead
   * of copying rows into the shards (refused under row-level security, issue #17); answers how many records were
   * written, which the caller compares with its plan (a record written meanwhile by someone else fails the file rather
   * than being skipped).
   *
   * The search words (student_search_word) are written set-wise, one statement for the school's new pupils, instead of
   * one statement per pupil by the trigger, which `emis.search_words = 'set-wise'` skips for this insert (migration
   * WriteSearchWordsSetWise1765000002500; docs/benchmarks.md). SET LOCAL, the form Citus forwards to the workers that
   * fire the shards' trigger; were it not forwarded, the trigger would write the words and the set-wise insert would
   * skip them (ON CONFLICT DO NOTHING): the words are right either way.
   */
  async insertStudents(em: EntityManager, schoolId: string, at: Date): Promise<number> {
    await sqlExec(em, `set local emis.search_words = 'set-wise'`);
    const written = await sqlExec(
      em,
      `insert into student (school_id, id, personal_id, full_name, date_of_birth, gender, ethnicity, religion, nationality,
                            place_of_birth, permanent_address, current_address, policy_groups, disability, created_at, updated_at)
       select $1, p.student_id, p.personal_id, p.full_name, p.date_of_birth, p.gender, p.ethnicity, p.religion, p.nationality,
              p.place_of_birth, p.permanent_address, p.current_address, coalesce(p.policy_groups, '{}'), p.disability, $2, $2
         from student_import_plan p
        where p.existing_id is null
       on conflict (school_id, personal_id) do nothing`,
      [schoolId, at],
    );
    await sqlExec(em, `set local emis.search_words = 'trigger'`);
    // The trigger's definition (migration 1765000000800) from the plan's rows alone: the folded words, and the sort
    // name the record's generated name parts give (student_sort_name). Joining the records just written instead
    // leaves the planner with the school's statistics from before the insert (a new school: no pupil), and it chose to
    // scan the plan for each record: 333 s for 20,500 pupils in imports-large.
    await sqlExec(
      em,
      `insert into student_search_word (school_id, student_id, word, sort_name)
       select $1, p.student_id, w, student_sort_name(p.full_name)
         from student_import_plan p
        cross join lateral unnest(student_search_words(p.full_name)) w
        where p.existing_id is null
       on conflict do nothing`,
      [schoolId],
    );
    return written;
  }

  updateStudents(em: EntityManager, schoolId: string, at: Date): Promise<number> {
    return sqlExec(
      em,
      `update student s
          set full_name = p.full_name, date_of_birth = p.date_of_birth, gender = p.gender, ethnicity = p.ethnicity,
              religion = p.religion, nationality = p.nationality, place_of_birth = p.place_of_birth,
              permanent_address = p.permanent_address, current_address = p.current_address,
              policy_groups = coalesce(p.policy_groups, '{}'), disability = p.disability,
              version = s.version + 1, updated_at = $2
         from student_import_plan p
        where s.school_id = $1 and s.id = p.existing_id and p.record_differs`,
      [schoolId, at],
    );
  }

  /**
   * Replaces the father, the mother and the unnamed contacts of the records whose parents the file changes (other
   * guardians entered on screen stay), and writes those of the new records. A parent re-imported under the same name
   * keeps the occupation and birth year entered on screen (read before the old rows go). Answers the rows written.
   */
  async replaceGuardians(em: EntityManager, schoolId: string): Promise<number> {
    await sqlExec(
      em,
      `create temp table student_import_kept on commit drop as
       select f.id as student_id, g.relation, g."fullName" as full_name, g.occupation, g."birthYear" as birth_year
         from student_import_found f
         join student_import_plan p on p.existing_id = f.id and p.parents_differ
        cross join lateral jsonb_to_recordset(f.guardians) as g(relation text, "fullName" text, occupation text, "birthYear" smallint)
        where g.relation in ('FATHER', 'MOTHER') and g."fullName" is not null`,
    );
    await sqlExec(
      em,
      `delete from guardian g using student_import_plan p
        where g.school_id = $1 and p.parents_differ and g.student_id = p.existing_id
          and g.relation in ('FATHER', 'MOTHER', 'UNKNOWN')`,
      [schoolId],
    );
    return sqlExec(
      em,
      `insert into guardian (school_id, student_id, relation, full_name, phone, occupation, birth_year)
       select $1, p.student_id, x.relation, x."fullName", x.phone, k.occupation, k.birth_year
         from student_import_plan p
        cross join lateral jsonb_to_recordset(p.guardians) as x(relation text, "fullName" text, phone text)
         left join lateral (select k.occupation, k.birth_year from student_import_kept k
                             where k.student_id = p.existing_id and k.relation = x.relation and k.full_name = x."fullName"
                             limit 1) k on true
        where p.existing_id is null or p.parents_differ
       on conflict do nothing`,
      [schoolId],
    );
  }

  /**
   * Moves the pupils the file places in another class of the open year: the open enrolment ends the day before the
   * move (to_date is inclusive), or is replaced when it had not begun by then (a correction leaves no one-day
   * history), and the new one opens on the move day (docs/domain/records.md). Answers the enrolments opened.
   */
  async enrol(em: EntityManager, schoolId: string): Promise<number> {
    await sqlExec(
      em,
      `delete from enrolment e using student_import_plan p
        where e.school_id = $1 and p.moves and e.id = p.enrolment_id and e.to_date is null and e.from_date >= p.move_date`,
      [schoolId],
    );
    await sqlExec(
      em,
      `update enrolment e set to_date = p.move_date - 1, reason = 'Chuyển lớp khi nhập từ Excel'
         from student_import_plan p
        where e.school_id = $1 and p.moves and e.id = p.enrolment_id and e.to_date is null`,
      [schoolId],
    );
    return sqlExec(
      em,
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
       select $1, p.student_id, p.class_id, p.school_year_id, p.move_date from student_import_plan p where p.moves
       on conflict do nothing`,
      [schoolId],
    );
  }

  async dropPlan(em: EntityManager): Promise<void> {
    await sqlExec(em, `drop table if exists student_import_plan, student_import_kept, student_import_found`);
  }
}
