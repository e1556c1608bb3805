import { Injectable } from '@nestjs/common';
import type { RecognitionDecision, RecognitionKind } from '@emis/domain';
import { sqlExec, sqlRows } from '@emis/api/platform';
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
}

export type RecognitionWrite = Omit<RecognitionRow, 'decidedAt' | 'decidedBy' | 'decidedByName'>;

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
}

/** Every query of year_recognition; `school_id = $1` leads every WHERE so Citus routes to one shard. */
@Injectable()
export class RecognitionRepository {
  async ofClass(em: EntityManager, schoolId: string, classId: string, forUpdate = false): Promise<RecognitionRow[]> {
    const rows = await sqlRows<Row>(
      em,
      `select student_id, kind, decision, proposed, reason, decided_by, decided_by_name, decided_at, version
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
    }));
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
                                     decided_by, decided_by_name, decided_at)
       select $1, $2, u.student_id, u.kind, u.decision, u.proposed, u.reason, u.version, $9, $10, $11
         from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])
           as u(student_id, kind, decision, proposed, reason, version)
       on conflict (school_id, class_id, student_id, kind) do update set decision = excluded.decision,
         proposed = excluded.proposed, reason = excluded.reason, version = excluded.version,
         decided_by = excluded.decided_by, decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at`,
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
      ],
    );
  }
}
