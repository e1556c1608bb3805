import { Injectable } from '@nestjs/common';
import type { ResultsRecomputeRun } from '@emis/contracts';
import type { RatingCode } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

interface RunRow {
  id: string;
  school_year_id: string;
  status: ResultsRecomputeRun['status'];
  schools_total: number | null;
  schools_done: number;
  classes_done: number;
  entries_changed: number;
  error: string | null;
  requested_at: Date;
  finished_at: Date | null;
}

const RUN_COLUMNS = `id, school_year_id, status, schools_total, schools_done, classes_done, entries_changed, error,
  requested_at, finished_at`;

/** A stored entry's derived values, recomputed: what the update writes. */
export interface DerivedValues {
  gradebookId: string;
  studentId: string;
  average: number | null;
  rating: RatingCode | null;
}

/** The SQL of a recomputation: its run (results_recompute_run) and the stored averages it rewrites (grade_entry). */
@Injectable()
export class RecomputeRepository {
  /**
   * A new run of the year, or undefined when one is already queued or running (the partial unique index decides, so
   * two requests at once cannot both start one).
   */
  async createRun(em: EntityManager, yearId: string, requestedBy: string): Promise<ResultsRecomputeRun | undefined> {
    const r = await sqlRow<RunRow>(
      em,
      `insert into results_recompute_run (school_year_id, requested_by, requested_at) values ($1, $2, now())
       on conflict (school_year_id) where status in ('QUEUED', 'RUNNING') do nothing
       returning ${RUN_COLUMNS}`,
      [yearId, requestedBy],
    );
    return r && toRun(r);
  }

  async activeRun(em: EntityManager, yearId: string): Promise<ResultsRecomputeRun | undefined> {
    const r = await sqlRow<RunRow>(
      em,
      `select ${RUN_COLUMNS} from results_recompute_run where school_year_id = $1 and status in ('QUEUED', 'RUNNING')`,
      [yearId],
    );
    return r && toRun(r);
  }

  /** The year's latest finished run (DONE), if any. */
  async lastDoneRun(em: EntityManager, yearId: string): Promise<ResultsRecomputeRun | undefined> {
    const r = await sqlRow<RunRow>(
      em,
      `select ${RUN_COLUMNS} from results_recompute_run where school_year_id = $1 and status = 'DONE'
        order by requested_at desc limit 1`,
      [yearId],
    );
    return r && toRun(r);
  }

  async findRun(em: EntityManager, runId: string, yearId?: string): Promise<ResultsRecomputeRun | undefined> {
    const r = await sqlRow<RunRow>(
      em,
      `select ${RUN_COLUMNS} from results_recompute_run where id = $1 and ($2::uuid is null or school_year_id = $2)`,
      [runId, yearId ?? null],
    );
    return r && toRun(r);
  }

  async startRun(em: EntityManager, runId: string, schools: number): Promise<void> {
    await sqlExec(em, `update results_recompute_run set status = 'RUNNING', schools_total = $2 where id = $1`, [
      runId,
      schools,
    ]);
  }

  async addProgress(em: EntityManager, runId: string, classes: number, entries: number): Promise<void> {
    await sqlExec(
      em,
      `update results_recompute_run set schools_done = schools_done + 1, classes_done = classes_done + $2,
         entries_changed = entries_changed + $3 where id = $1`,
      [runId, classes, entries],
    );
  }

  async finishRun(em: EntityManager, runId: string, status: 'DONE' | 'FAILED', error: string | null): Promise<void> {
    await sqlExec(em, `update results_recompute_run set status = $2, error = $3, finished_at = now() where id = $1`, [
      runId,
      status,
      error,
    ]);
  }

  /** The schools with classes in the year, as far as the caller's scope sees (the department: all). */
  async schoolsOfYear(em: EntityManager, yearId: string): Promise<string[]> {
    const rows = await sqlRows<{ school_id: string }>(
      em,
      `select distinct school_id from academic_class where school_year_id = $1 order by school_id`,
      [yearId],
    );
    return rows.map((r) => r.school_id);
  }

  /**
   * Rewrites the derived average and rating of the given entries; the cells, the version and the last editor stay
   * (a recomputation changes no one's input, and a sheet open meanwhile still saves over its version).
   */
  async updateDerived(em: EntityManager, schoolId: string, rows: DerivedValues[]): Promise<void> {
    if (!rows.length) return;
    await sqlExec(
      em,
      `update grade_entry e set average = u.average, rating = u.rating
         from unnest($2::uuid[], $3::uuid[], $4::numeric[], $5::text[]) as u(gradebook_id, student_id, average, rating)
        where e.school_id = $1 and e.gradebook_id = u.gradebook_id and e.student_id = u.student_id`,
      [
        schoolId,
        rows.map((r) => r.gradebookId),
        rows.map((r) => r.studentId),
        rows.map((r) => r.average),
        rows.map((r) => r.rating),
      ],
    );
  }
}

function toRun(r: RunRow): ResultsRecomputeRun {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    status: r.status,
    schoolsTotal: r.schools_total,
    schoolsDone: r.schools_done,
    classesDone: r.classes_done,
    entriesChanged: r.entries_changed,
    error: r.error,
    requestedAt: r.requested_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}
