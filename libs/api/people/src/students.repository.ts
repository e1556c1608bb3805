import { Injectable } from '@nestjs/common';
import type { EnrolmentRecord, Guardian, StudentSummary } from '@emis/contracts';
import { DisabilityKind, GradeLevel, GuardianRelation, PolicyGroup, StudentStatus, YearOutcome } from '@emis/domain';
import { allWordsSql, cappedCountSql, ListTotal, listTotal, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { openEnrolmentSql } from './enrolment-sql';
import { teacherClassIdsSql } from './pupil-relations.repository';

/** The stored fields of a student record (what a create sets and an update may change). */
export interface StudentFields {
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  religion: string | null;
  nationality: string;
  placeOfBirth: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  policyGroups: PolicyGroup[];
  disability: DisabilityKind | null;
}

export interface StudentRow extends StudentFields {
  id: string;
  status: StudentStatus;
  statusReason: string | null;
  statusDate: string | null;
  version: number;
}

export interface StudentFilter {
  /** The school year whose enrolment gives the class columns and the class/grade filters. */
  yearId: string | null;
  status?: StudentStatus;
  classId?: string;
  grade?: GradeLevel;
  /** LIKE pattern, already escaped. */
  search?: string[];
  /** Whether the search also matches personal IDs (not for readers who may not see them). */
  searchPersonalId: boolean;
  /** A teacher's user id: only pupils whose class (of the chosen year) the teacher leads or teaches. */
  taughtBy?: string;
}

/**
 * Vietnamese order: given name, middle names, family name, each with ICU Vietnamese collation (docs/domain/records.md, "Names").
 * Descending must apply to every key, so the ORDER BY lists are spelt out per direction.
 */
const byName = (dir: 'asc' | 'desc') =>
  ['given_name', 'middle_name', 'family_name'].map((c) => `s.${c} collate "vi-x-icu" ${dir}`).join(', ');
const STUDENT_ORDER: Record<string, string> = {
  name: byName('asc'),
  '-name': byName('desc'),
  dateOfBirth: `s.date_of_birth asc, ${byName('asc')}`,
  '-dateOfBirth': `s.date_of_birth desc, ${byName('asc')}`,
};

/** The ORDER BY of a list's `sort`: only the table's own keys count (`constructor` is not a sort, and found Object). */
export function studentOrder(sort: string | undefined): string {
  return sort && Object.hasOwn(STUDENT_ORDER, sort) ? STUDENT_ORDER[sort] : STUDENT_ORDER['name'];
}

/** A list row as read, before need-to-know: every field a list may carry (PupilAccess decides what leaves). */
export type StudentListItem = StudentSummary & { personalId: string; ethnicity: string };

/** A student in a list: the record's headline with the class of the chosen year's latest enrolment. */
interface StudentListRow {
  id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  status: StudentStatus;
  class_id: string | null;
  class_name: string | null;
  grade: GradeLevel | null;
}

/** A student record as RECORD_COLUMNS reads it. */
interface StudentRecordRow {
  id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  religion: string | null;
  nationality: string;
  place_of_birth: string | null;
  permanent_address: string | null;
  current_address: string | null;
  policy_groups: PolicyGroup[];
  disability: DisabilityKind | null;
  status: StudentStatus;
  status_reason: string | null;
  status_date: string | null;
  version: number;
}

/** A guardian of a student, as the record page shows it. */
interface GuardianRow {
  relation: GuardianRelation;
  full_name: string;
  phone: string | null;
  occupation: string | null;
  birth_year: number | null;
}

/** An enrolment of a student with its class and school year. */
interface StudentEnrolmentRow {
  id: string;
  class_id: string;
  class_name: string;
  grade: GradeLevel;
  year_code: string;
  from_date: string;
  to_date: string | null;
  reason: string | null;
}

/** A year-end decision of a student with the year's code. */
interface StudentOutcomeRow {
  code: string;
  grade: GradeLevel;
  outcome: YearOutcome;
}

const RECORD_COLUMNS = `s.id, s.personal_id, s.full_name, s.date_of_birth::text as date_of_birth, s.gender, s.ethnicity, s.religion,
  s.nationality, s.place_of_birth, s.permanent_address, s.current_address, s.policy_groups, s.disability, s.status,
  s.status_reason, s.status_date::text as status_date, s.version`;

@Injectable()
export class StudentsRepository {
  /** The open school year with today in its dates, else the latest open one (read from the academic context's table). */
  async defaultYearId(em: EntityManager): Promise<string | null> {
    const row = await sqlRow<{ id: string }>(
      em,
      `select id from academic_school_year where status = 'OPEN'
        order by (current_date between starts_on and ends_on) desc, starts_on desc limit 1`,
    );
    return row?.id ?? null;
  }

  async list(
    em: EntityManager,
    schoolId: string,
    f: StudentFilter,
    orderBy: string,
    limit: number,
    offset: number,
  ): Promise<StudentListItem[]> {
    const { sql, params } = studentListStatement(schoolId, f, orderBy, limit, offset);
    return (await sqlRows<StudentListRow>(em, sql, params)).map(toSummary);
  }

  /** Every id the filter matches: what an export will hold, charged to the reader's budget before it streams. */
  async ids(em: EntityManager, schoolId: string, f: StudentFilter): Promise<string[]> {
    const { from, params } = listFrom(schoolId, f);
    return (await sqlRows<{ id: string }>(em, `select s.id ${from}`, params)).map((r) => r.id);
  }

  /** The list's total, counted up to COUNT_CAP (docs/domain/records.md, "Lists at any size"). */
  async count(em: EntityManager, schoolId: string, f: StudentFilter): Promise<ListTotal> {
    const { sql, params } = studentCountStatement(schoolId, f);
    return listTotal((await sqlRow<{ n: number }>(em, sql, params))?.n);
  }

  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<StudentRow | undefined> {
    const row = await sqlRow<StudentRecordRow>(
      em,
      `select ${RECORD_COLUMNS} from student s where s.school_id = $1 and s.id = $2 ${forUpdate ? 'for update' : ''}`,
      [schoolId, id],
    );
    return row ? toRow(row) : undefined;
  }

  async findByPersonalId(
    em: EntityManager,
    schoolId: string,
    personalId: string,
  ): Promise<{ id: string; status: StudentStatus } | undefined> {
    return sqlRow<{ id: string; status: StudentStatus }>(
      em,
      `select id, status from student where school_id = $1 and personal_id = $2`,
      [schoolId, personalId],
    );
  }

  /**
   * Locks the students among `ids` who are still studying, in id order (so two bulk enrolments cannot deadlock),
   * and answers their ids; a record kept as history is not among them.
   */
  async lockStudying(em: EntityManager, schoolId: string, ids: string[]): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select id from student where school_id = $1 and id = any($2::uuid[]) and status = 'STUDYING' order by id for update`,
      [schoolId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** Inserts a record; `id` is given when a transfer brings a student in under the id it had at the sending school. */
  async insert(em: EntityManager, schoolId: string, f: StudentFields, at: Date, id?: string): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into student (school_id, id, personal_id, full_name, date_of_birth, gender, ethnicity, religion, nationality,
              place_of_birth, permanent_address, current_address, policy_groups, disability, created_at, updated_at)
       values ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
       returning id`,
      [schoolId, id ?? null, ...fieldValues(f), at],
    );
    if (!row) throw new Error(`insert: no student returned for school ${schoolId}`);
    return row.id;
  }

  async update(em: EntityManager, schoolId: string, id: string, f: StudentFields, at: Date): Promise<void> {
    await sqlExec(
      em,
      `update student set personal_id = $3, full_name = $4, date_of_birth = $5, gender = $6, ethnicity = $7, religion = $8,
              nationality = $9, place_of_birth = $10, permanent_address = $11, current_address = $12, policy_groups = $13,
              disability = $14, version = version + 1, updated_at = $15
        where school_id = $1 and id = $2`,
      [schoolId, id, ...fieldValues(f), at],
    );
  }

  /** Brings a record kept as history back to STUDYING with fresh fields (a student transferred back in). */
  async reactivate(em: EntityManager, schoolId: string, id: string, f: StudentFields, at: Date): Promise<void> {
    await this.update(em, schoolId, id, f, at);
    await this.setStatus(em, schoolId, id, 'STUDYING', null, null, at);
  }

  async setStatus(
    em: EntityManager,
    schoolId: string,
    id: string,
    status: StudentStatus,
    reason: string | null,
    date: string | null,
    at: Date,
  ): Promise<void> {
    await sqlExec(
      em,
      `update student set status = $3, status_reason = $4, status_date = $5, version = version + 1, updated_at = $6
        where school_id = $1 and id = $2`,
      [schoolId, id, status, reason, date, at],
    );
  }

  async guardians(em: EntityManager, schoolId: string, studentId: string): Promise<Guardian[]> {
    const rows = await sqlRows<GuardianRow>(
      em,
      `select relation, full_name, phone, occupation, birth_year from guardian
        where school_id = $1 and student_id = $2 order by array_position(array['FATHER','MOTHER','GUARDIAN'], relation), id`,
      [schoolId, studentId],
    );
    return rows.map((r) => ({
      relation: r.relation,
      fullName: r.full_name,
      phone: r.phone,
      occupation: r.occupation,
      birthYear: r.birth_year,
    }));
  }

  async replaceGuardians(em: EntityManager, schoolId: string, studentId: string, guardians: Guardian[]): Promise<void> {
    await sqlExec(em, `delete from guardian where school_id = $1 and student_id = $2`, [schoolId, studentId]);
    if (!guardians.length) return;
    await sqlExec(
      em,
      `insert into guardian (school_id, student_id, relation, full_name, phone, occupation, birth_year)
       select $1, $2, g.relation, g.full_name, g.phone, g.occupation, g.birth_year
         from jsonb_to_recordset($3::jsonb) as g(relation text, full_name text, phone text, occupation text, birth_year smallint)
       returning 1`,
      [
        schoolId,
        studentId,
        JSON.stringify(
          guardians.map((g) => ({
            relation: g.relation,
            full_name: g.fullName,
            phone: g.phone ?? null,
            occupation: g.occupation ?? null,
            birth_year: g.birthYear ?? null,
          })),
        ),
      ],
    );
  }

  async enrolments(em: EntityManager, schoolId: string, studentId: string): Promise<EnrolmentRecord[]> {
    const rows = await sqlRows<StudentEnrolmentRow>(
      em,
      `select e.id, e.class_id, c.name as class_name, c.grade, y.code as year_code, e.from_date::text as from_date,
              e.to_date::text as to_date, e.reason
         from enrolment e
         join academic_class c on c.school_id = e.school_id and c.id = e.class_id
         join academic_school_year y on y.id = e.school_year_id
        where e.school_id = $1 and e.student_id = $2
        order by e.from_date, e.id`,
      [schoolId, studentId],
    );
    return rows.map((r) => ({
      id: r.id,
      classId: r.class_id,
      className: r.class_name,
      grade: r.grade,
      schoolYearCode: r.year_code,
      fromDate: r.from_date,
      toDate: r.to_date,
      reason: r.reason,
    }));
  }

  async outcomes(
    em: EntityManager,
    schoolId: string,
    studentId: string,
  ): Promise<{ schoolYearCode: string; grade: GradeLevel; outcome: YearOutcome }[]> {
    const rows = await sqlRows<StudentOutcomeRow>(
      em,
      `select y.code, o.grade, o.outcome from year_outcome o join academic_school_year y on y.id = o.school_year_id
        where o.school_id = $1 and o.student_id = $2 order by y.starts_on`,
      [schoolId, studentId],
    );
    return rows.map((r) => ({ schoolYearCode: r.code, grade: r.grade, outcome: r.outcome }));
  }
}

/** The statement of a page of the student list (exported for the spec that checks its plan at scale). */
export function studentListStatement(
  schoolId: string,
  f: StudentFilter,
  orderBy: string,
  limit: number,
  offset: number,
): { sql: string; params: unknown[] } {
  const { from, params } = listFrom(schoolId, f);
  return {
    sql: `select s.id, s.personal_id, s.full_name, s.date_of_birth::text as date_of_birth, s.gender, s.ethnicity, s.status,
              e.class_id, e.class_name, e.grade
         ${from}
        order by ${orderBy}, s.id
        limit $${params.length + 1} offset $${params.length + 2}`,
    params: [...params, limit, offset],
  };
}

/** The statement counting the list's pupils under the same filter, up to COUNT_CAP + 1 of them (`n`). */
export function studentCountStatement(schoolId: string, f: StudentFilter): { sql: string; params: unknown[] } {
  const { from, params } = listFrom(schoolId, f, false);
  return { sql: cappedCountSql(from), params };
}

/**
 * FROM and WHERE of the list, its count and the export: the latest enrolment of the chosen year gives the class.
 * O(page) at any school size (docs/domain/records.md, "Lists at any size"): the class of a pupil is looked up by
 * enrolment_student_year_idx for the rows read only; the class, grade and teacher filters first narrow the pupils to
 * those with an enrolment of the year in the classes asked (a condition the exact one implies, so the answer is the
 * same), so the planner starts from those classes' enrolments instead of from every pupil of the school. `withClass`
 * false leaves the class out when no filter needs it (the count).
 */
function listFrom(schoolId: string, f: StudentFilter, withClass = true): { from: string; params: unknown[] } {
  const params: unknown[] = [schoolId, f.yearId];
  const where = ['s.school_id = $1'];
  /** Pupils with an enrolment of the year in a class that `classCondition` (on `c2`) admits. */
  const enrolledIn = (classCondition: string) =>
    `s.id in (select e2.student_id from enrolment e2
       join academic_class c2 on c2.school_id = e2.school_id and c2.id = e2.class_id
      where e2.school_id = $1 and e2.school_year_id = $2::uuid and ${classCondition})`;
  if (f.status) {
    params.push(f.status);
    where.push(`s.status = $${params.length}`);
  }
  if (f.classId) {
    params.push(f.classId);
    where.push(`e.class_id = $${params.length}`, enrolledIn(`c2.id = $${params.length}::uuid`));
  }
  if (f.grade) {
    params.push(f.grade);
    where.push(`e.grade = $${params.length}`, enrolledIn(`c2.grade = $${params.length}`));
  }
  if (f.search?.length) {
    // Every word of the box, in any order (docs/conventions.md, "Search").
    params.push(f.search);
    const p = `$${params.length}::text[]`;
    const byId = f.searchPersonalId ? ` or s.personal_id like all (${p})` : '';
    where.push(`(${allWordsSql(p, 's.full_name')}${byId})`);
  }
  if (f.taughtBy) {
    params.push(f.taughtBy);
    const taught = teacherClassIdsSql('$1', `$${params.length}::uuid`);
    where.push(`e.class_id in ${taught}`, enrolledIn(`c2.id in ${taught}`));
  }
  const needsClass = withClass || Boolean(f.classId || f.grade || f.taughtBy);
  const classOf = `
    left join lateral (
      select e.class_id, c.name as class_name, c.grade
        from enrolment e join academic_class c on c.school_id = e.school_id and c.id = e.class_id
       where e.school_id = $1 and e.student_id = s.id and e.school_year_id = $2::uuid
       order by (${openEnrolmentSql('e')}) desc, e.from_date desc limit 1
    ) e on true`;
  // Without the class, $2 (the year) must still be typed for the statement to prepare.
  if (!needsClass) where.push('$2::uuid is not distinct from $2::uuid');
  const from = `from student s ${needsClass ? classOf : ''}
    where ${where.join(' and ')}`;
  return { from, params };
}

function fieldValues(f: StudentFields): unknown[] {
  return [
    f.personalId,
    f.fullName,
    f.dateOfBirth,
    f.gender,
    f.ethnicity,
    f.religion,
    f.nationality,
    f.placeOfBirth,
    f.permanentAddress,
    f.currentAddress,
    f.policyGroups,
    f.disability,
  ];
}

function toSummary(r: StudentListRow): StudentListItem {
  return {
    id: r.id,
    personalId: r.personal_id,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    ethnicity: r.ethnicity,
    status: r.status,
    classId: r.class_id,
    className: r.class_name,
    grade: r.grade,
  };
}

function toRow(r: StudentRecordRow): StudentRow {
  return {
    id: r.id,
    personalId: r.personal_id,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    ethnicity: r.ethnicity,
    religion: r.religion,
    nationality: r.nationality,
    placeOfBirth: r.place_of_birth,
    permanentAddress: r.permanent_address,
    currentAddress: r.current_address,
    policyGroups: r.policy_groups,
    disability: r.disability,
    status: r.status,
    statusReason: r.status_reason,
    statusDate: r.status_date,
    version: r.version,
  };
}
