import { Injectable, Logger } from '@nestjs/common';
import type { ResultsRecomputeRun } from '@emis/contracts';
import { ProvinceRuleSettings, semesterSubjectResult } from '@emis/domain';
import { RuleSettingsService } from '@emis/api/academic';
import { AuditService } from '@emis/api/audit';
import { Principal, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { subjectOf } from '../grade-writer';
import { GradebookRepository, GradingClass } from '../gradebook.repository';
import { GradingEvents } from '../grading-events';
import { DerivedValues, RecomputeRepository } from './recompute.repository';

/** What a queued recomputation carries: its run and who asked (the audit rows name them). */
export interface RecomputeJob {
  runId: string;
  actor: Principal;
}

/**
 * The worker's side of a recomputation (docs/domain/secondary-assessment-c22.md, "Recomputing after a change"): for
 * each school with classes in the year, under that school's own scope and in one transaction, every gradebook entry's
 * stored semester average and rating are recomputed with the year's current settings (libs/domain, as GradeWriter
 * computes them on a save), the changed ones written and audited with before/after, and each class's results-changed
 * event published, so the reporting read model refreshes the class's facts (learning levels, promotion proposals,
 * awards) with the same settings. Progress is counted per school on the run.
 */
@Injectable()
export class RecomputeRunner {
  private readonly logger = new Logger(RecomputeRunner.name);

  constructor(
    private readonly db: TenantDb,
    private readonly repo: RecomputeRepository,
    private readonly gradebooks: GradebookRepository,
    private readonly rules: RuleSettingsService,
    private readonly events: GradingEvents,
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
  ) {}

  async run(job: RecomputeJob): Promise<void> {
    const department = await this.tree.scopeFor(job.actor.orgUnitId);
    const run = await this.db.runWithScope(department, (em) => this.repo.findRun(em, job.runId));
    if (!run || run.status === 'DONE' || run.status === 'FAILED') return;
    try {
      const schools = await this.db.runWithScope(department, async (em) => {
        const found = await this.repo.schoolsOfYear(em, run.schoolYearId);
        await this.repo.startRun(em, run.id, found.length);
        return found;
      });
      for (const schoolId of schools) {
        const scope = await this.tree.scopeFor(schoolId);
        await this.db.runWithScope(scope, (em) => this.recomputeSchool(em, run, schoolId, job.actor));
      }
      await this.db.runWithScope(department, (em) => this.repo.finishRun(em, run.id, 'DONE', null));
    } catch (error) {
      this.logger.error({ err: error, runId: run.id }, 'results recomputation failed');
      const message = error instanceof Error ? error.message : String(error);
      await this.db.runWithScope(department, (em) => this.repo.finishRun(em, run.id, 'FAILED', message.slice(0, 500)));
    }
  }

  private async recomputeSchool(
    em: EntityManager,
    run: ResultsRecomputeRun,
    schoolId: string,
    actor: Principal,
  ): Promise<void> {
    const settings = await this.rules.forYear(em, run.schoolYearId);
    const classes = (await this.gradebooks.classesOfSchool(em, schoolId)).filter(
      (c) => c.schoolYearId === run.schoolYearId,
    );
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    let changed = 0;
    for (const cls of classes) {
      const updates = await this.derivedChanges(em, schoolId, cls, settings);
      await this.repo.updateDerived(
        em,
        schoolId,
        updates.map((u) => u.next),
      );
      for (const u of updates) {
        const key = `${u.next.gradebookId}/${u.next.studentId}`;
        before[key] = u.was;
        after[key] = { average: u.next.average, rating: u.next.rating };
      }
      changed += updates.length;
      await this.events.resultsChanged(em, schoolId, cls.id);
    }
    if (changed)
      await this.audit.record(
        em,
        { schoolId, entity: 'grade_entry_recompute', entityId: run.id, action: 'UPDATE', before, after },
        actor,
      );
    await this.repo.addProgress(em, run.id, classes.length, changed);
  }

  /** The class's entries whose stored average or rating differs from what the settings now compute. */
  private async derivedChanges(
    em: EntityManager,
    schoolId: string,
    cls: GradingClass,
    settings: ProvinceRuleSettings,
  ): Promise<{ was: { average: number | null; rating: string | null }; next: DerivedValues }[]> {
    const books = await this.gradebooks.gradebooksOfClass(em, schoolId, cls.id);
    const entries = await this.gradebooks.entriesOfClass(em, schoolId, cls.id);
    const changes: { was: { average: number | null; rating: string | null }; next: DerivedValues }[] = [];
    for (const g of books) {
      for (const [studentId, e] of entries.get(g.id) ?? new Map()) {
        const r = semesterSubjectResult(
          g.scheme,
          subjectOf(g),
          cls.grade,
          g.semester,
          e.cells,
          g.yearCode,
          settings.missingAssessment,
        );
        if (r.average === e.average && r.rating === e.rating) continue;
        changes.push({
          was: { average: e.average, rating: e.rating },
          next: { gradebookId: g.id, studentId, average: r.average, rating: r.rating },
        });
      }
    }
    return changes;
  }
}
