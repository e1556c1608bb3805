import { Injectable } from '@nestjs/common';
import type { Guardian } from '@emis/contracts';
import { lastDayBefore } from '@emis/domain';
import { sqlExec, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { StudentRow } from './student-rows';

export interface OpenYearClass {
  id: string;
  name: string;
  schoolYearId: string;
  /** yyyy-MM-dd: an enrolment made before the year starts begins on this day. */
  yearStartsOn: string;
}

export interface ExistingStudent {
  id: string;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: string;
  ethnicity: string;
  religion: string | null;
  nationality: string;
  placeOfBirth: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  policyGroups: string[];
  disability: string | null;
  status: string;
  guardians: Guardian[];
  /** The open enrolment of the open year, if any. */
  enrolmentId: string | null;
  classId: string | null;
}

/** An open enrolment the pupil leaves for another class from `moveDate`, the new class's first day. */
export interface EnrolmentClose {
  enrolmentId: string;
  moveDate: string;
}

export interface EnrolmentWrite {
  studentId: string;
  classId: string;
  schoolYearId: string;
  fromDate: string;
}

/** A class of the open year with the year's first day (yyyy-MM-dd). */
interface OpenYearClassRow {
  id: string;
  name: string;
  school_year_id: string;
  starts_on: string;
}

/** A student already on file, with their guardians (json_agg) and the open enrolment of the open year. */
interface ExistingStudentRow {
  id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: string;
  ethnicity: string;
  religion: string | null;
  nationality: string;
  place_of_birth: string | null;
  permanent_address: string | null;
  current_address: string | null;
  policy_groups: string[];
  disability: string | null;
  status: string;
  enrolment_id: string | null;
  class_id: string | null;
  guardians: Guardian[];
}

/**
 * The import's bulk writer for students, guardians and enrolments. Deliberately separate from the people
 * context's per-record repository: each write is one set-based statement over unnest()ed arrays, so 10,000
 * rows cost a handful of statements instead of tens of thousands.
 */
@Injectable()
export class StudentImportRepository {
  /** Classes of the school's open year (the latest open year the school has classes in). */
  async openYearClasses(em: EntityManager, schoolId: string): Promise<OpenYearClass[]> {
    const rows = await sqlRows<OpenYearClassRow>(
      em,
      `select c.id, c.name, c.school_year_id, to_char(c.year_starts_on, 'YYYY-MM-DD') as starts_on
         from academic_class c
        where c.school_id = $1 and c.year_status = 'OPEN'
          and c.school_year_id = (select c2.school_year_id from academic_class c2
                                   where c2.school_id = $1 and c2.year_status = 'OPEN' order by c2.year_starts_on desc limit 1)`,
      [schoolId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, schoolYearId: r.school_year_id, yearStartsOn: r.starts_on }));
  }

  async existing(
    em: EntityManager,
    schoolId: string,
    personalIds: string[],
    openYearId: string | null,
  ): Promise<ExistingStudent[]> {
    const rows = await sqlRows<ExistingStudentRow>(
      em,
      `select s.id, s.personal_id, s.full_name, to_char(s.date_of_birth, 'YYYY-MM-DD') as date_of_birth, s.gender, s.ethnicity,
              s.religion, s.nationality, s.place_of_birth, s.permanent_address, s.current_address, s.policy_groups,
              s.disability, s.status, e.id as enrolment_id, e.class_id,
              coalesce((select json_agg(json_build_object('relation', g.relation, 'fullName', g.full_name, 'phone', g.phone,
                                                          'occupation', g.occupation, 'birthYear', g.birth_year) order by g.relation, g.full_name)
                          from guardian g where g.school_id = s.school_id and g.student_id = s.id), '[]') as guardians
         from student s
         left join enrolment e on e.school_id = s.school_id and e.student_id = s.id and e.school_year_id = $3 and e.to_date is null
        where s.school_id = $1 and s.personal_id = any($2::text[])`,
      [schoolId, personalIds, openYearId],
    );
    return rows.map(toExisting);
  }

  /** Inserts the new students and answers their ids by personal id. */
  async insert(em: EntityManager, schoolId: string, rows: StudentRow[], at: Date): Promise<Map<string, string>> {
    if (!rows.length) return new Map();
    const inserted = await sqlRows<{ id: string; personal_id: string }>(
      em,
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, ethnicity, religion, nationality,
                            place_of_birth, permanent_address, current_address, policy_groups, disability, created_at, updated_at)
       select $1, u.pid, u.name, u.dob, u.gender, u.eth, u.rel, u.nat, u.pob, u.padd, u.cadd,
              coalesce(string_to_array(nullif(u.pol, ''), ','), '{}'), u.dis, $14, $14
         from unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[]) as u(pid, name, dob, gender, eth, rel, nat, pob, padd, cadd, pol, dis)
       returning id, personal_id`,
      [schoolId, ...columnsOf(rows), at],
    );
    return new Map(inserted.map((r) => [r.personal_id, r.id]));
  }

  async update(em: EntityManager, schoolId: string, rows: { id: string; row: StudentRow }[], at: Date): Promise<void> {
    if (!rows.length) return;
    await sqlExec(
      em,
      `update student s
          set full_name = u.name, date_of_birth = u.dob, gender = u.gender, ethnicity = u.eth, religion = u.rel,
              nationality = u.nat, place_of_birth = u.pob, permanent_address = u.padd, current_address = u.cadd,
              policy_groups = coalesce(string_to_array(nullif(u.pol, ''), ','), '{}'), disability = u.dis,
              version = s.version + 1, updated_at = $15
         from unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                     $11::text[], $12::text[], $13::text[], $14::text[]) as u(id, pid, name, dob, gender, eth, rel, nat, pob, padd, cadd, pol, dis)
        where s.school_id = $1 and s.id = u.id`,
      [schoolId, rows.map((r) => r.id), ...columnsOf(rows.map((r) => r.row)), at],
    );
  }

  /**
   * Replaces the father, the mother and the unnamed contacts (relation UNKNOWN) of `studentIds`, the parts of a record
   * the list carries (other guardians entered on screen stay), and writes `parents`.
   */
  async replaceParents(
    em: EntityManager,
    schoolId: string,
    studentIds: string[],
    parents: { studentId: string; guardian: Guardian }[],
  ): Promise<void> {
    if (studentIds.length) {
      await sqlExec(
        em,
        `delete from guardian where school_id = $1 and student_id = any($2::uuid[]) and relation in ('FATHER', 'MOTHER', 'UNKNOWN')`,
        [schoolId, studentIds],
      );
    }
    if (!parents.length) return;
    await sqlExec(
      em,
      `insert into guardian (school_id, student_id, relation, full_name, phone, occupation, birth_year)
       select $1, u.sid, u.rel, u.name, u.phone, u.occ, u.by
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[]) as u(sid, rel, name, phone, occ, by)
       returning 1`,
      [
        schoolId,
        parents.map((p) => p.studentId),
        parents.map((p) => p.guardian.relation),
        parents.map((p) => p.guardian.fullName),
        parents.map((p) => p.guardian.phone),
        parents.map((p) => p.guardian.occupation),
        parents.map((p) => p.guardian.birthYear),
      ],
    );
  }

  /**
   * Ends the open enrolments of students who move to another class, then opens the new ones. The old class keeps
   * the pupil up to the day before the move (to_date is inclusive); a placement that had not begun before the move
   * day is replaced, as a correction on screen leaves no one-day history.
   */
  async enrol(
    em: EntityManager,
    schoolId: string,
    closing: EnrolmentClose[],
    opening: EnrolmentWrite[],
  ): Promise<void> {
    if (closing.length) {
      const ids = closing.map((c) => c.enrolmentId);
      await sqlExec(
        em,
        `delete from enrolment e using unnest($2::uuid[], $3::date[]) as u(id, move_date)
          where e.school_id = $1 and e.id = u.id and e.to_date is null and e.from_date >= u.move_date`,
        [schoolId, ids, closing.map((c) => c.moveDate)],
      );
      await sqlExec(
        em,
        `update enrolment e set to_date = u.last_day, reason = 'Chuyển lớp khi nhập từ Excel'
           from unnest($2::uuid[], $3::date[]) as u(id, last_day)
          where e.school_id = $1 and e.id = u.id and e.to_date is null`,
        [schoolId, ids, closing.map((c) => lastDayBefore(c.moveDate))],
      );
    }
    if (!opening.length) return;
    await sqlExec(
      em,
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
       select $1, u.sid, u.cid, u.yid, u.from_date
         from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::date[]) as u(sid, cid, yid, from_date)
       returning 1`,
      [
        schoolId,
        opening.map((o) => o.studentId),
        opening.map((o) => o.classId),
        opening.map((o) => o.schoolYearId),
        opening.map((o) => o.fromDate),
      ],
    );
  }
}

function columnsOf(rows: StudentRow[]): unknown[][] {
  return [
    rows.map((r) => r.personalId),
    rows.map((r) => r.fullName),
    rows.map((r) => r.dateOfBirth),
    rows.map((r) => r.gender),
    rows.map((r) => r.ethnicity),
    rows.map((r) => r.religion),
    rows.map((r) => r.nationality),
    rows.map((r) => r.placeOfBirth),
    rows.map((r) => r.permanentAddress),
    rows.map((r) => r.currentAddress),
    rows.map((r) => r.policyGroups.join(',')),
    rows.map((r) => r.disability),
  ];
}

function toExisting(r: ExistingStudentRow): ExistingStudent {
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
    guardians: r.guardians,
    enrolmentId: r.enrolment_id,
    classId: r.class_id,
  };
}
