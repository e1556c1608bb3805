import { Injectable } from '@nestjs/common';
import type { SchoolRecognitionClass } from '@emis/contracts';
import { GRADE_LEVELS, GradeLevel, RecognitionDecision, RecognitionKind } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface RecognitionRow {
  studentId: string;
  kind: RecognitionKind;
  decision: RecognitionDecision;
  proposed: RecognitionDecision | null;
  reason: string | null;
  decidedBy: string;
  decidedByName: string | null;
  decidedAt: Date;
  version: number;
  decisionNumber: string | null;
  decisionDate: string | null;
}

export type RecognitionWrite = Omit<RecognitionRow, 'decidedAt' | 'decidedBy' | 'decidedByName'>;

/** A granted award or title of the year, as the school's list prints it. */
export interface GrantedAward {
  studentId: string;
  fullName: string;
  dateOfBirth: string;
  className: string;
  decision: RecognitionDecision;
  reason: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
}

/** Grades in teaching order, then the class name in natural order (6A2 before 6A10), as every class list sorts. */
const CLASS_ORDER = `array_position('{${GRADE_LEVELS.join(',')}}'::text[], c.grade), c.name collate vi_natural`;

interface Row {
  student_id: string;
  kind: RecognitionKind;
  decision: RecognitionDecision;
  proposed: RecognitionDecision | null;
  reason: string | null;
  decided_by: string;
  decided_by_name: string | null;
  decided_at: Date;
  version: number;
  decision_number: string | null;
  decision_date: string | null;
}

/** Every query of year_recognition; `school_id = $1` leads every WHERE so Citus routes to one shard. */
@Injectable()
export class RecognitionRepository {
  async ofClass(em: EntityManager, schoolId: string, classId: string, forUpdate = false): Promise<RecognitionRow[]> {
    const rows = await sqlRows<Row>(
      em,
      `select student_id, kind, decision, proposed, reason, decided_by, decided_by_name, decided_at, version,
              decision_number, decision_date::text as decision_date
         from year_recognition where school_id = $1 and class_id = $2
        order by student_id, kind ${forUpdate ? 'for update' : ''}`,
      [schoolId, classId],
    );
    return rows.map((r) => ({
      studentId: r.student_id,
      kind: r.kind,
      decision: r.decision,
      proposed: r.proposed,
      reason: r.reason,
      decidedBy: r.decided_by,
      decidedByName: r.decided_by_name,
      decidedAt: r.decided_at,
      version: r.version,
      decisionNumber: r.decision_number,
      decisionDate: r.decision_date,
    }));
  }

  /** A school year's code, read through academic's view; undefined for an unknown year. */
  async year(em: EntityManager, yearId: string): Promise<{ code: string } | undefined> {
    return sqlRow<{ code: string }>(em, `select code from academic_school_year where id = $1`, [yearId]);
  }

  /** The year's classes with their pupils' award decisions counted (one statement, whatever the school's size). */
  async overview(em: EntityManager, schoolId: string, yearId: string): Promise<SchoolRecognitionClass[]> {
    const rows = await sqlRows<{
      class_id: string;
      class_name: string;
      grade: GradeLevel;
      decided: number;
      granted: Partial<Record<RecognitionDecision, number>>;
    }>(
      em,
      `select c.id as class_id, c.name as class_name, c.grade, coalesce(sum(g.n), 0)::int as decided,
              coalesce(jsonb_object_agg(g.decision, g.n) filter (where g.decision is not null and g.decision <> 'NONE'),
                       '{}'::jsonb) as granted
         from academic_class c
         left join (select class_id, decision, count(*)::int as n from year_recognition
                     where school_id = $1 and kind = 'AWARD' group by class_id, decision) g on g.class_id = c.id
        where c.school_id = $1 and c.school_year_id = $2
        group by c.id, c.name, c.grade
        order by ${CLASS_ORDER}, c.id`,
      [schoolId, yearId],
    );
    return rows.map((r) => ({
      classId: r.class_id,
      className: r.class_name,
      grade: r.grade,
      decided: r.decided,
      granted: r.granted,
    }));
  }

  /** The awards and titles granted in the year's classes, class by class, pupils in Vietnamese name order. */
  async granted(em: EntityManager, schoolId: string, yearId: string): Promise<GrantedAward[]> {
    return sqlRows<GrantedAward>(
      em,
      `select r.student_id as "studentId", st.full_name as "fullName", st.date_of_birth::text as "dateOfBirth", c.name as "className", r.decision,
              r.reason, r.decision_number as "decisionNumber", r.decision_date::text as "decisionDate"
         from year_recognition r
         join academic_class c on c.school_id = r.school_id and c.id = r.class_id
         join people_student st on st.school_id = r.school_id and st.id = r.student_id
        where r.school_id = $1 and c.school_year_id = $2 and r.kind = 'AWARD' and r.decision <> 'NONE'
        order by ${CLASS_ORDER}, st.given_name collate "vi-x-icu", st.middle_name collate "vi-x-icu",
                 st.family_name collate "vi-x-icu", st.id`,
      [schoolId, yearId],
    );
  }

  /** All decisions of a save in one statement; the caller has locked the class's rows and checked the versions. */
  async upsert(
    em: EntityManager,
    schoolId: string,
    classId: string,
    rows: readonly RecognitionWrite[],
    by: { id: string; name: string | null },
    at: Date,
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into year_recognition (school_id, class_id, student_id, kind, decision, proposed, reason, version,
                                     decided_by, decided_by_name, decided_at, decision_number, decision_date)
       select $1, $2, u.student_id, u.kind, u.decision, u.proposed, u.reason, u.version, $9, $10, $11,
              u.decision_number, u.decision_date
         from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $12::text[], $13::date[])
           as u(student_id, kind, decision, proposed, reason, version, decision_number, decision_date)
       on conflict (school_id, class_id, student_id, kind) do update set decision = excluded.decision,
         proposed = excluded.proposed, reason = excluded.reason, version = excluded.version,
         decided_by = excluded.decided_by, decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at,
         decision_number = excluded.decision_number, decision_date = excluded.decision_date`,
      [
        schoolId,
        classId,
        rows.map((r) => r.studentId),
        rows.map((r) => r.kind),
        rows.map((r) => r.decision),
        rows.map((r) => r.proposed),
        rows.map((r) => r.reason),
        rows.map((r) => r.version),
        by.id,
        by.name,
        at,
        rows.map((r) => r.decisionNumber),
        rows.map((r) => r.decisionDate),
      ],
    );
  }
}
