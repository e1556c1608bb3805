import { Injectable } from '@nestjs/common';
import type { Level4, QualityRating } from '@emis/domain';
import { sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** 1 and 2: the semesters; 0: the year conduct a Circular 58 class enters (Art. 3.2), never derived. */
export type ConductPeriod = 0 | 1 | 2;
export const YEAR_CONDUCT = 0;

export interface ConductRecord {
  studentId: string;
  semester: ConductPeriod;
  training: Level4 | null;
  qualities: Record<string, QualityRating>;
  comment: string | null;
  version: number;
}

export type ConductWrite = Omit<ConductRecord, 'semester'>;

/** A row of conduct_rating; semester is a smallint checked 0 (the year), 1 or 2, qualities a jsonb object. */
interface ConductRow {
  student_id: string;
  semester: ConductPeriod;
  training: Level4 | null;
  qualities: Record<string, QualityRating>;
  comment: string | null;
  version: number;
}

/** Every query of conduct_rating. `school_id = $1` leads every WHERE so Citus routes to one shard. */
@Injectable()
export class ConductRepository {
  /** The class's ratings of one semester (or both when `semester` is omitted), optionally locked for a save. */
  async ofClass(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester?: ConductPeriod,
    forUpdate = false,
  ): Promise<ConductRecord[]> {
    const rows = await sqlRows<ConductRow>(
      em,
      `select student_id, semester, training, qualities, comment, version from conduct_rating
        where school_id = $1 and class_id = $2 ${semester === undefined ? '' : 'and semester = $3'}
        order by student_id, semester ${forUpdate ? 'for update' : ''}`,
      semester === undefined ? [schoolId, classId] : [schoolId, classId, semester],
    );
    return rows.map((r) => ({
      studentId: r.student_id,
      semester: r.semester,
      training: r.training ?? null,
      qualities: r.qualities ?? {},
      comment: r.comment ?? null,
      version: r.version,
    }));
  }

  /**
   * The whole sheet in one statement. A row is written only over the version it was based on (`version - 1`), so
   * of two concurrent first saves of a pupil the loser's update is left out of the returned ids.
   */
  async upsert(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester: ConductPeriod,
    rows: ConductWrite[],
    userId: string,
    at: Date,
  ): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const written = await sqlRows<Pick<ConductRow, 'student_id'>>(
      em,
      `insert into conduct_rating (school_id, class_id, student_id, semester, training, qualities, comment, version, updated_by, updated_at)
       select $1, $2, u.student_id, $3, u.training, u.qualities, u.comment, u.version, $9, $10
         from unnest($4::uuid[], $5::text[], $6::jsonb[], $7::text[], $8::int[]) as u(student_id, training, qualities, comment, version)
       on conflict (school_id, class_id, student_id, semester) do update set training = excluded.training,
         qualities = excluded.qualities, comment = excluded.comment, version = excluded.version,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at
       where conduct_rating.version = excluded.version - 1
       returning student_id`,
      [
        schoolId,
        classId,
        semester,
        rows.map((r) => r.studentId),
        rows.map((r) => r.training),
        rows.map((r) => JSON.stringify(r.qualities)),
        rows.map((r) => r.comment),
        rows.map((r) => r.version),
        userId,
        at,
      ],
    );
    return new Set(written.map((w) => w.student_id));
  }
}
