import { Injectable } from '@nestjs/common';
import type { ResultPeriod, StudentResult } from '@emis/contracts';
import type { CompletionProgramme, Scheme } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface Absences {
  excused: number;
  unexcused: number;
}

/** A pupil's absence days (academic_attendance), counted as int. */
interface AbsenceCountRow {
  student_id: string;
  excused: number;
  unexcused: number;
}

/** What the store statement found and did: rows before it, rows it removed, rows it wrote (each counted as int). */
interface StoreCountRow {
  before: number;
  gone: number;
  written: number;
}

/** Queries the results need beyond the gradebook tables: absences, stored results, names for the printed books. */
@Injectable()
export class ResultsRepository {
  /**
   * EXCUSED / UNEXCUSED days of each pupil within [from, to], in any class of the school (a pupil moved during the
   * year keeps the absences of the old class). One attendance day counts as one session (buổi) of Circular 22
   * Art. 12 — schools recording two sessions a day would need a session column (confirm).
   */
  async absences(
    em: EntityManager,
    schoolId: string,
    studentIds: string[],
    from: string,
    to: string,
  ): Promise<Map<string, Absences>> {
    const rows = await sqlRows<AbsenceCountRow>(
      em,
      `select student_id, count(*) filter (where status = 'EXCUSED')::int as excused, count(*) filter (where status = 'UNEXCUSED')::int as unexcused
         from academic_attendance where school_id = $1 and student_id = any($2::uuid[]) and day between $3::date and $4::date
          and status in ('EXCUSED', 'UNEXCUSED')
        group by student_id`,
      [schoolId, studentIds, from, to],
    );
    return new Map(rows.map((r) => [r.student_id, { excused: r.excused, unexcused: r.unexcused }]));
  }

  async storedAt(em: EntityManager, schoolId: string, classId: string, period: ResultPeriod): Promise<string | null> {
    const r = await sqlRow<{ at: Date | null }>(
      em,
      `select max(computed_at) as at from term_result where school_id = $1 and class_id = $2 and period = $3`,
      [schoolId, classId, period],
    );
    return r?.at ? r.at.toISOString() : null;
  }

  /**
   * Replaces the class's stored rows of a period in one statement (arrays unnested, one round trip routed to one
   * shard): rows of pupils no longer in the class go, the others are upserted. Answers how many rows existed.
   */
  async store(
    em: EntityManager,
    schoolId: string,
    classId: string,
    period: ResultPeriod,
    scheme: Scheme,
    rows: StudentResult[],
    userId: string,
    at: Date,
  ): Promise<number> {
    const r = await sqlRow<StoreCountRow>(
      em,
      `with gone as (
         delete from term_result where school_id = $1 and class_id = $2 and period = $3 and student_id <> all($5::uuid[]) returning 1
       ), before as (
         select count(*)::int as n from term_result where school_id = $1 and class_id = $2 and period = $3
       ), written as (
         insert into term_result (school_id, class_id, student_id, period, scheme, subjects, learning, training, overall_average,
           absences_excused, absences_unexcused, award, promotion, retest_subjects, computed_by, computed_at)
         select $1, $2, u.student_id, $3, $4, u.subjects, u.learning, u.training, u.overall_average, u.excused, u.unexcused,
                u.award, u.promotion, coalesce(array(select jsonb_array_elements_text(u.retest)), '{}'), $15, $16
           from unnest($5::uuid[], $6::jsonb[], $7::text[], $8::text[], $9::numeric[], $10::int[], $11::int[], $12::text[], $13::text[], $14::jsonb[])
             as u(student_id, subjects, learning, training, overall_average, excused, unexcused, award, promotion, retest)
         on conflict (school_id, class_id, student_id, period) do update set scheme = excluded.scheme, subjects = excluded.subjects,
           learning = excluded.learning, training = excluded.training, overall_average = excluded.overall_average,
           absences_excused = excluded.absences_excused, absences_unexcused = excluded.absences_unexcused, award = excluded.award,
           promotion = excluded.promotion, retest_subjects = excluded.retest_subjects, computed_by = excluded.computed_by,
           computed_at = excluded.computed_at
         returning 1
       )
       select (select n from before) as before, (select count(*) from gone)::int as gone, (select count(*) from written)::int as written`,
      [
        schoolId,
        classId,
        period,
        scheme,
        rows.map((s) => s.studentId),
        rows.map((s) => JSON.stringify(s.subjects)),
        rows.map((s) => s.learning),
        rows.map((s) => s.training),
        rows.map((s) => s.overallAverage),
        rows.map((s) => s.absences.excused),
        rows.map((s) => s.absences.unexcused),
        rows.map((s) => s.award),
        rows.map((s) => s.promotion),
        rows.map((s) => JSON.stringify(s.retestSubjects)),
        userId,
        at,
      ],
    );
    if (!r) throw new Error(`store: no counts returned for class ${classId}`);
    return r.before;
  }

  async schoolName(em: EntityManager, schoolId: string): Promise<string> {
    const r = await sqlRow<{ name: string }>(em, `select name from tenancy_org_unit where id = $1`, [schoolId]);
    return r?.name ?? '';
  }

  /** A continuing-education centre judges grade 9 completion on the continuing-education programme's age rule. */
  async completionProgramme(em: EntityManager, schoolId: string): Promise<CompletionProgramme> {
    const r = await sqlRow<{ levels: string[] }>(em, `select levels from tenancy_org_unit where id = $1`, [schoolId]);
    const levels = r?.levels ?? [];
    return levels.includes('CONTINUING_EDUCATION') && !levels.includes('LOWER_SECONDARY') ? 'CONTINUING' : 'GENERAL';
  }

  async staffName(em: EntityManager, schoolId: string, staffId: string | null): Promise<string | null> {
    if (!staffId) return null;
    const r = await sqlRow<{ full_name: string }>(
      em,
      `select full_name from staff_member where school_id = $1 and id = $2`,
      [schoolId, staffId],
    );
    return r?.full_name ?? null;
  }
}
